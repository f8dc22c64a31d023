import { ServiceError } from '@temporalio/client';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { abandonCase, openCase } from '../../db/caseRecords';
import { getCase, getRequestHash } from '../../db/caseQueries';
import { findJoinedRequest, recordJoinedRequest } from '../../db/joinedRequests';
import { CaseRecord, CaseType, type OpenCaseResult } from '../../domain';
import { casesOpened } from '../../metrics/caseMetrics';
import { caseActionUpdate } from '../../workflows/lib/messages';
import { actorOf, callerOf, type Caller, staff, tokenAccess } from '../auth/access';
import { requireCase, shownTo } from '../caseLookup';
import { intakeFor, joinAction } from '../caseIntake';
import { caseWorkflowStarted, startCaseWorkflow, temporalUnavailable, updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { caseLogger } from '../middleware/requestLogger';
import { actionRequest } from './actions';
import { jsonBody } from '../middleware/jsonBody';
import { perClientLimit } from '../middleware/rateLimit';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { requestHash } from '../requestHash';
import { defineRoute, type Route } from '../route';
import { CaseId, caseIdFor } from '../schemas/caseId';
import { CreateCaseRequest, IdempotencyHeaders } from '../schemas/cases';

const caseTypeList = CaseType.options.join(', ');

/**
 * Only what the caller knows already (the customer has this matter open) and may act on: staff
 * at a counter whose queues do not hold the open case still add the customer's words to it.
 */
const JoinedCase = z
  .object({
    id: CaseId,
    status: z.string(),
    joined: z.literal(true).meta({ description: 'The request joined this open case instead of opening another' }),
  })
  .meta({ id: 'JoinedCase' });
const JoinedHeaders = z.object({
  Location: z.string().meta({ description: 'The URL of the case joined' }),
  'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Present when the key was seen before' }),
});

const CreatedHeaders = z.object({
  Location: z.string().meta({ description: 'The URL of the case' }),
  'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Present when the key was seen before' }),
});

/** Outcomes of intake that are the client's to fix; created and replayed carry on to the workflow. */
function refusal(result: OpenCaseResult, idempotencyKey: string): HttpProblem | undefined {
  switch (result.kind) {
    case 'idempotency_mismatch':
      return new HttpProblem(
        'idempotency-key-reuse',
        `Idempotency-Key "${idempotencyKey}" was already used with a different request body`,
      );
    case 'line_conflict':
      return new HttpProblem('line-conflict', `order line ${result.sku} already has open case ${result.caseId}`, {
        caseId: result.caseId,
        sku: result.sku,
      });
    default:
      return undefined;
  }
}

/**
 * Whether the same request already opened this case and its workflow runs (or ran): then it is a
 * replay. A stored case whose workflow never started (its API died in between) is opened again.
 */
async function underWay(deps: ApiDeps, caseId: string, hash: string, idempotencyKey: string): Promise<boolean> {
  const earlier = await getRequestHash(deps.pool, caseId);
  if (earlier === null) return false;
  if (earlier !== hash) throw refusal({ kind: 'idempotency_mismatch' }, idempotencyKey)!;
  return caseWorkflowStarted(deps.temporal, caseId);
}

/**
 * The request is about a matter a case is open for: it goes to that case as an action (a message
 * on its timeline) and the answer names that case, marked joined. The join is recorded under the
 * request's key first, so a retry (after a 503, say) tells the case again under the same update
 * id, which the case takes once, and the same key with another body is refused.
 */
async function joinOpenCase(
  deps: ApiDeps,
  join: { caseId: string; action: { action: string; payload: Record<string, unknown> }; replayed: boolean },
  request: { caller: Caller; idempotencyKey: string; req: Request; res: Response; from?: SourceCase },
): Promise<void> {
  const { caller, idempotencyKey, req, res, from } = request;
  const { caseId, action } = join;
  const ack = await updateCase(deps.temporal, caseId, caseActionUpdate, actionRequest(caller, req, action.action, action.payload), {
    updateId: `join:${caller.principal.sub}:${idempotencyKey}`,
    allowedKey: 'allowedActions',
  });
  if (from) await from.link({ caseId, type: (await getCase(deps.pool, caseId))?.type ?? req.body.type });
  caseLogger(req, res, caseId).info({ intake: join.replayed ? 'join replayed' : 'joined' }, 'request joined an open case about the same order');
  res.status(200).location(`/v1/cases/${caseId}`);
  if (join.replayed) res.set('Idempotent-Replayed', 'true');
  res.json({ id: caseId, status: ack.status, joined: true });
}

/** A request this key already joined to an open case: replayed when it is the same request, refused when not. */
async function joinedBefore(deps: ApiDeps, requestId: string, hash: string, body: CreateCaseRequest, idempotencyKey: string) {
  const earlier = await findJoinedRequest(deps.pool, requestId);
  if (!earlier) return null;
  const action = joinAction(body);
  if (earlier.requestHash !== hash || !action) throw refusal({ kind: 'idempotency_mismatch' }, idempotencyKey)!;
  return { caseId: earlier.caseId, action, replayed: true };
}

/**
 * The case as its opener may see it. An agent may open a case outside their queues (an inquiry
 * agent opening the return it turned out to be): the answer still shows them what they opened,
 * and nothing stops its workflow from starting.
 */
async function openedBy(deps: ApiDeps, caseId: string, caller: Caller): Promise<CaseRecord> {
  return shownTo(caller, await requireCase(deps.pool, caseId, 'partner'));
}

/** Customers open cases for themselves; staff open them for any customer (phone, store). */
function checkOnBehalf(caller: Caller, customerId: string): void {
  if (caller.reach === 'own' && customerId !== caller.principal.sub) {
    throw new HttpProblem('forbidden', 'a customer opens cases for themselves only: customer.id must be your own id');
  }
}

/** The case a new one is opened from (an inquiry that becomes a return): what the new one shows, and how the old one hears of it. */
export interface SourceCase {
  context: { caseId: string; type: string; question?: string };
  /** Tells the source case what it became; idempotent, as a replayed request tells it again. */
  link(target: { caseId: string; type: string }): Promise<void>;
}

export interface IntakeRequest {
  caller: Caller;
  body: CreateCaseRequest;
  idempotencyKey: string;
  req: Request;
  res: Response;
  from?: SourceCase;
}

/**
 * Intake, whichever route a request comes by: a new case (or the one this key opened before), or
 * the open case about the same matter it joins. A conversion passes the case it comes from, which
 * is told the case it became once that case is under way.
 */
export async function openRequestedCase(deps: ApiDeps, request: IntakeRequest): Promise<void> {
  const { caller, body, idempotencyKey, req, res, from } = request;
  checkOnBehalf(caller, body.customer.id);
  const caseId = caseIdFor(body.customer.id, idempotencyKey);
  const log = caseLogger(req, res, caseId);
  const hash = requestHash(body);
  const respond = async (record: CaseRecord, replayed: boolean) => {
    await from?.link({ caseId, type: record.type });
    res.status(201).location(`/v1/cases/${caseId}`);
    if (replayed) res.set('Idempotent-Replayed', 'true');
    res.json(record);
  };

  // A repeated request whose case is under way is answered from the case, not checked again:
  // the order has moved on since (this very return may have been taken back).
  if (await underWay(deps, caseId, hash, idempotencyKey)) {
    log.info({ intake: 'replayed' }, 'case request replayed');
    return respond(await openedBy(deps, caseId, caller), true);
  }

  const replayedJoin = await joinedBefore(deps, caseId, hash, body, idempotencyKey);
  if (replayedJoin) return joinOpenCase(deps, replayedJoin, { caller, idempotencyKey, req, res, from });

  const intake = await intakeFor(body, deps, new Date());
  if (intake.kind === 'join') {
    const first = await recordJoinedRequest(deps.pool, caseId, { caseId: intake.caseId, requestHash: hash });
    if (first.requestHash !== hash) throw refusal({ kind: 'idempotency_mismatch' }, idempotencyKey)!;
    const join = { caseId: first.caseId, action: intake.action, replayed: false };
    return joinOpenCase(deps, join, { caller, idempotencyKey, req, res, from });
  }
  const { process, opening, records } = intake;
  const result = await openCase(deps.pool, {
    caseId,
    idempotencyKey,
    requestHash: hash,
    type: opening.type,
    status: process.initialStatus,
    channel: body.channel,
    customerId: body.customer.id,
    customerSegment: records.standing.segment,
    orderId: opening.orderId,
    lines: opening.lines,
    priority: 'normal',
    policyVersion: opening.policyVersion,
    createdAt: new Date().toISOString(),
    actor: actorOf(caller),
    audit: { requestId: String(req.id), role: caller.principal.role },
    details: { ...opening.details, ...(from && { convertedFrom: from.context }) },
  });
  const refused = refusal(result, idempotencyKey);
  if (refused) throw refused;

  const record = await openedBy(deps, caseId, caller);
  try {
    // A replay starts the workflow too: the first attempt may have stored the case and died before starting it.
    await startCaseWorkflow(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE, {
      workflowType: process.workflowType,
      caseId,
      // Every case pins the survey it will end with, whichever process runs it.
      input: { ...opening.workflowInput(caseId, record.createdAt), feedback: deps.policies.feedback },
    });
  } catch (err) {
    log.error({ err, intake: result.kind }, 'could not start the case workflow');
    // A new case without a workflow would never move: withdraw it so the client's retry starts afresh.
    if (result.kind === 'created') await abandonCase(deps.pool, caseId);
    if (err instanceof ServiceError) throw temporalUnavailable('the workflow engine is unreachable; retry with the same Idempotency-Key');
    throw err;
  }

  if (result.kind === 'created') casesOpened.inc({ type: opening.type, channel: body.channel });
  log.info({ intake: result.kind }, result.kind === 'created' ? 'case opened' : 'case request replayed');
  await respond(record, result.kind === 'replayed');
}

/** What both intake routes answer: the case opened (or replayed), or the open case the request joined. */
export const intakeResponses = {
  201: jsonResponse('The case, new or replayed', CaseRecord, CreatedHeaders),
  200: jsonResponse('An open case about the same matter, which the request joined (a message on its timeline)', JoinedCase, JoinedHeaders),
};

/** Refusals intake itself may answer, whichever route a request comes by. */
export const intakeProblems = [
  'customer-not-found',
  'order-not-found',
  'not-on-order',
  'idempotency-key-reuse',
  'line-conflict',
  'unavailable',
  'rate-limited',
] as const;

/**
 * One budget for opening cases per caller, whichever route opens them: a conversion is an intake.
 * Runs after the access check, so the client is the authenticated caller, wherever they call from.
 */
export function intakeRateLimit(deps: ApiDeps) {
  return perClientLimit({
    name: 'intake',
    limit: deps.config.RATE_LIMIT_INTAKE,
    windowSeconds: deps.config.RATE_LIMIT_WINDOW_SECONDS,
    clientOf: (_req, res) => {
      const { principal } = callerOf(res);
      return `${principal.role}:${principal.sub}`;
    },
  });
}

export function createCaseRoute(deps: ApiDeps, limit: ReturnType<typeof intakeRateLimit>): Route {
  return defineRoute({
    method: 'post',
    path: '/v1/cases',
    operationId: 'openCase',
    summary: `Open a case: ${caseTypeList} (idempotent per customer and Idempotency-Key)`,
    tags: ['cases'],
    access: tokenAccess({ customer: 'own', ...staff }),
    headers: IdempotencyHeaders,
    body: CreateCaseRequest,
    before: [limit, ...jsonBody()],
    responses: intakeResponses,
    problems: [...intakeProblems],
    async handle({ headers, body }, req, res) {
      await openRequestedCase(deps, { caller: callerOf(res), body, idempotencyKey: headers['Idempotency-Key'], req, res });
    },
  });
}
