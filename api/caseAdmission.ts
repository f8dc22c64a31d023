import { ServiceError } from '@temporalio/client';
import type { Logger } from 'pino';
import { abandonCase, openCase } from '../db/caseRecords';
import { dropPendingStart } from '../db/caseStarts';
import { getCase, getRequestHash } from '../db/caseQueries';
import { findJoinedRequest, recordJoinedRequest } from '../db/joinedRequests';
import type { Actor, CaseRecord, OpenCaseResult, PendingStart } from '../domain';
import { casesOpened } from '../metrics/caseMetrics';
import { caseActionUpdate } from '../workflows/lib/messages';
import { actorOf, type Caller } from './auth/access';
import { requireCase, shownTo } from './caseLookup';
import { intakeFor, joinAction } from './caseIntake';
import { caseWorkflowStarted, startCaseWorkflow, temporalUnavailable, updateCase } from './caseWorkflows';
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';
import { requestHash } from './requestHash';
import { actionRequest } from './routes/actions';
import { caseIdFor } from './schemas/caseId';
import type { CreateCaseRequest } from './schemas/cases';

/**
 * Intake, whichever way a request comes: POST /v1/cases, a conversion of one case into another, an
 * order system's word that bulky goods arrived. It answers what became of the request; the route
 * turns that into its HTTP answer.
 */

/** The case a new one is opened from (an inquiry that becomes a return): what the new one shows, and how the old one hears of it. */
export interface SourceCase {
  context: { caseId: string; type: string; question?: string };
  /** Tells the source case what it became; idempotent, as a replayed request tells it again. */
  link(target: { caseId: string; type: string }): Promise<void>;
}

export interface AdmissionRequest {
  caller: Caller;
  body: CreateCaseRequest;
  idempotencyKey: string;
  /** The request's id, for the audit trail of what it does. */
  requestId: string;
  /** The request's logger, bound to a case. */
  log(caseId: string): Logger;
  from?: SourceCase;
  /** Who the timeline says asked, when not the caller itself: a partner system's notice, for one. */
  actor?: Actor;
}

/** A case opened (or the one this key opened before), or the open case about the same matter the request joined. */
export type Admission =
  | { kind: 'opened'; caseId: string; record: CaseRecord; replayed: boolean }
  | { kind: 'joined'; caseId: string; status: string; replayed: boolean };

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
 * on its timeline). The join is recorded under the request's key first, so a retry (after a 503,
 * say) tells the case again under the same update id, which the case takes once, and the same key
 * with another body is refused.
 */
async function joinOpenCase(
  deps: ApiDeps,
  join: { caseId: string; action: { action: string; payload: Record<string, unknown> }; replayed: boolean },
  request: AdmissionRequest,
): Promise<Admission> {
  const { caller, idempotencyKey, from } = request;
  const { caseId, action } = join;
  const ack = await updateCase(deps.temporal, caseId, caseActionUpdate, actionRequest(caller, request.requestId, action.action, action.payload), {
    updateId: `join:${caller.principal.sub}:${idempotencyKey}`,
    allowedKey: 'allowedActions',
  });
  if (from) await from.link({ caseId, type: (await getCase(deps.pool, caseId))?.type ?? request.body.type });
  request.log(caseId).info({ intake: join.replayed ? 'join replayed' : 'joined' }, 'request joined an open case about the same order');
  return { kind: 'joined', caseId, status: ack.status, replayed: join.replayed };
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

/**
 * A new case (or the one this key opened before), or the open case about the same matter the
 * request joins. A conversion passes the case it comes from, which is told the case it became once
 * that case is under way.
 */
export async function admitCase(deps: ApiDeps, request: AdmissionRequest): Promise<Admission> {
  const { caller, body, idempotencyKey, from } = request;
  checkOnBehalf(caller, body.customer.id);
  const caseId = caseIdFor(body.customer.id, idempotencyKey);
  const log = request.log(caseId);
  const hash = requestHash(body);
  const opened = async (record: CaseRecord, replayed: boolean): Promise<Admission> => {
    await from?.link({ caseId, type: record.type });
    return { kind: 'opened', caseId, record, replayed };
  };

  // A repeated request whose case is under way is answered from the case, not checked again:
  // the order has moved on since (this very return may have been taken back).
  if (await underWay(deps, caseId, hash, idempotencyKey)) {
    log.info({ intake: 'replayed' }, 'case request replayed');
    return opened(await openedBy(deps, caseId, caller), true);
  }

  const replayedJoin = await joinedBefore(deps, caseId, hash, body, idempotencyKey);
  if (replayedJoin) return joinOpenCase(deps, replayedJoin, request);

  const intake = await intakeFor(body, deps, new Date());
  if (intake.kind === 'join') {
    const first = await recordJoinedRequest(deps.pool, caseId, { caseId: intake.caseId, requestHash: hash });
    if (first.requestHash !== hash) throw refusal({ kind: 'idempotency_mismatch' }, idempotencyKey)!;
    return joinOpenCase(deps, { caseId: first.caseId, action: intake.action, replayed: false }, request);
  }
  const { process, opening, records } = intake;
  const startOn = (requestedAt: string): PendingStart => ({
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    workflowType: process.workflowType,
    // Every case pins the survey it will end with, whichever process runs it.
    input: { ...opening.workflowInput(caseId, requestedAt), feedback: deps.policies.feedback },
  });
  const createdAt = new Date().toISOString();
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
    createdAt,
    actor: request.actor ?? actorOf(caller),
    audit: { requestId: request.requestId, role: request.actor?.kind ?? caller.principal.role },
    details: { ...opening.details, ...(from && { convertedFrom: from.context }) },
    // Kept until the start below is confirmed: should this process die before, the reconciler starts it.
    pendingStart: startOn(createdAt),
  });
  const refused = refusal(result, idempotencyKey);
  if (refused) throw refused;

  const record = await openedBy(deps, caseId, caller);
  try {
    // A replay starts the workflow too: the first attempt may have stored the case and died before starting it.
    const { taskQueue, workflowType, input } = startOn(record.createdAt);
    await startCaseWorkflow(deps.temporal, taskQueue, { workflowType, caseId, input });
  } catch (err) {
    log.error({ err, intake: result.kind }, 'could not start the case workflow');
    // A new case without a workflow would never move: withdraw it so the client's retry starts afresh.
    if (result.kind === 'created') await abandonCase(deps.pool, caseId);
    if (err instanceof ServiceError) throw temporalUnavailable('the workflow engine is unreachable; retry with the same Idempotency-Key');
    throw err;
  }

  // Should this fail, the reconciler finds the workflow running and drops the pending start itself.
  await dropPendingStart(deps.pool, caseId).catch((err: unknown) => log.warn({ err }, 'pending start not dropped; the reconciler will'));
  if (result.kind === 'created') casesOpened.inc({ type: opening.type, channel: body.channel });
  log.info({ intake: result.kind }, result.kind === 'created' ? 'case opened' : 'case request replayed');
  return opened(record, result.kind === 'replayed');
}
