import type { Request, Response } from 'express';
import { agentExists } from '../../db/agents';
import { assignCase } from '../../db/caseAssignment';
import { getCase } from '../../db/caseQueries';
import type { CaseRecord } from '../../domain';
import { caseActionUpdate } from '../../workflows/lib/messages';
import { actorOf, callerOf, type Caller, staff, tokenAccess } from '../auth/access';
import { requireCase } from '../caseLookup';
import { caseWorkflowRunning, updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { HttpProblem, type ProblemKind } from '../problem';
import { defineRoute, type Route } from '../route';
import { AssignAction, AssignmentAck, NoPayload } from '../schemas/actions';
import { actionRequest, actionRouteBase } from './actions';

interface Assignment {
  caller: Caller;
  record: CaseRecord;
  agentId: string;
  /** A claim by an agent: only a case nobody else holds. */
  onlyIfFree: boolean;
  /** The request's Idempotency-Key or id, qualified by the action: a retry is recognised by it. */
  requestKey: string;
  req: Request;
}

const closedCase = (caseId: string) => new HttpProblem('case-closed', `case ${caseId} is closed and takes no more requests`, { caseId });
const heldBy = (caseId: string, assignee: string) =>
  new HttpProblem('already-assigned', `case ${caseId} is held by ${assignee}; a supervisor can reassign it`, { caseId, assignee });

/** A complaint routes itself: the workflow reassigns it, keeping its agent's workload right. */
async function assignComplaint(deps: ApiDeps, a: Assignment): Promise<void> {
  const { record, agentId } = a;
  if (a.onlyIfFree && record.assignee !== null && record.assignee !== agentId) throw heldBy(record.id, record.assignee);
  if (record.assignee === agentId) return;
  await updateCase(deps.temporal, record.id, caseActionUpdate, actionRequest(a.caller, a.req, 'reassign', { agentId }), {
    updateId: `action:${a.requestKey}`,
    allowedKey: 'allowedActions',
  });
}

/** Other processes do not route: the assignment is the record's, written with its timeline event. */
async function assignInProjection(deps: ApiDeps, a: Assignment): Promise<void> {
  if (!(await caseWorkflowRunning(deps.temporal, a.record.id))) throw closedCase(a.record.id);
  const outcome = await assignCase(deps.pool, {
    caseId: a.record.id,
    agentId: a.agentId,
    onlyIfFree: a.onlyIfFree,
    eventKey: a.requestKey,
    actor: actorOf(a.caller),
    audit: { requestId: String(a.req.id), role: a.caller.principal.role },
  });
  if (outcome.kind === 'closed') throw closedCase(a.record.id);
  if (outcome.kind === 'held') throw heldBy(a.record.id, outcome.assignee);
}

const problems: ProblemKind[] = [
  'case-not-found',
  'case-closed',
  'already-assigned',
  'action-rejected',
  'invalid-transition',
  'unavailable',
];

/** What both actions do once they know who gets the case, and whether only if nobody holds it. */
async function giveCase(
  deps: ApiDeps,
  name: 'assign' | 'claim',
  request: { caseId: string; headers: { 'Idempotency-Key'?: string }; req: Request; res: Response },
  target: { agentId: string; onlyIfFree: boolean },
): Promise<void> {
  const { caseId, headers, req, res } = request;
  const log = caseLogger(req, res, caseId);
  const caller = callerOf(res);
  const record = await requireCase(deps.pool, caseId, caller);
  if (record.closedAt) throw closedCase(caseId);
  if (!(await agentExists(deps.pool, target.agentId))) {
    throw new HttpProblem('action-rejected', `${target.agentId} is not an agent on the roster`, { caseId, agentId: target.agentId });
  }
  const requestKey = `${name}:${headers['Idempotency-Key'] ?? String(req.id)}`;
  const assignment: Assignment = { caller, record, ...target, requestKey, req };
  await (record.type === 'complaint' ? assignComplaint(deps, assignment) : assignInProjection(deps, assignment));
  const now = (await getCase(deps.pool, caseId)) ?? record;
  log.info({ action: name, assignee: now.assignee }, 'case assigned');
  res.json({ caseId, status: now.status, assignee: now.assignee });
}

const responses = { 200: jsonResponse('Who holds the case now', AssignmentAck) };

/** Work queue actions on any case: a supervisor hands a case to an agent, an agent takes one. */
export function assignmentRoutes(deps: ApiDeps): Route[] {
  return [
    defineRoute({
      ...actionRouteBase('assign'),
      summary: 'A supervisor gives the case to an agent on the roster',
      access: tokenAccess({ supervisor: 'all', admin: 'all' }),
      body: AssignAction,
      responses,
      problems,
      handle: ({ params, headers, body }, req, res) =>
        giveCase(deps, 'assign', { caseId: params.id, headers, req, res }, { agentId: body.agentId, onlyIfFree: false }),
    }),
    defineRoute({
      ...actionRouteBase('claim'),
      summary: 'The caller takes the case: an agent one nobody else holds, a supervisor any',
      access: tokenAccess(staff),
      body: NoPayload,
      responses,
      problems,
      handle: ({ params, headers }, req, res) => {
        const { principal } = callerOf(res);
        const target = { agentId: principal.sub, onlyIfFree: principal.role === 'agent' };
        return giveCase(deps, 'claim', { caseId: params.id, headers, req, res }, target);
      },
    }),
  ];
}
