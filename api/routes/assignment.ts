import type { Request, Response } from 'express';
import { agentExists } from '../../db/agents';
import { AssignAction, NoPayload } from '../../domain/actionPayloads';
import { assignCaseUpdate } from '../../workflows/lib/messages';
import { actorOf, callerOf, staff, tokenAccess } from '../auth/access';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { HttpProblem, type ProblemKind } from '../problem';
import { defineRoute, type Route } from '../route';
import { AssignmentAck } from '../schemas/actions';
import { actionRouteBase, actionUpdateId } from './actions';

const problems: ProblemKind[] = [
  'case-not-found',
  'case-closed',
  'already-assigned',
  'action-rejected',
  'invalid-transition',
  'unavailable',
];

/**
 * What both actions do once they know who gets the case, and whether only if nobody holds it. The
 * case's workflow decides and records it, whatever the process: it is the one writer of its case,
 * and two agents claiming at once are answered in the order it took them (one gets the case).
 */
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
  if (record.closedAt) throw new HttpProblem('case-closed', `case ${caseId} is closed and takes no more requests`, { caseId });
  if (!(await agentExists(deps.pool, target.agentId))) {
    throw new HttpProblem('action-rejected', `${target.agentId} is not an agent on the roster`, { caseId, agentId: target.agentId });
  }
  const assignment = { ...target, actor: actorOf(caller), role: caller.principal.role, requestId: String(req.id) };
  const ack = await updateCase(deps.temporal, caseId, assignCaseUpdate, assignment, {
    updateId: actionUpdateId(name, headers, req),
    allowedKey: 'allowedActions',
  });
  log.info({ action: name, assignee: ack.assignee }, 'case assigned');
  res.json({ caseId, status: ack.status, assignee: ack.assignee });
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
