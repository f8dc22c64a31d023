import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import { AlreadyAssigned, caseViewQuery, InvalidPayload, InvalidTransition, UnknownPartner, type CaseView } from '../workflows/lib/messages';
import { HttpProblem, validationProblem } from './problem';

/**
 * Every call the API makes to a case workflow. Each has a deadline: without one a request would
 * hang for as long as Temporal or the workers are away, and the caller is better served by a
 * quick 503 it can retry (starts and updates are idempotent by id, so a retry is safe).
 */
const START_DEADLINE_MS = 5_000;
const QUERY_DEADLINE_MS = 2_000;
const UPDATE_DEADLINE_MS = 10_000;
const RETRY_AFTER_SECONDS = 5;

function within<T>(client: Client, ms: number, call: () => Promise<T>): Promise<T> {
  return client.withDeadline(Date.now() + ms, call);
}

export function temporalUnavailable(detail: string): HttpProblem {
  return new HttpProblem('unavailable', detail, {}, RETRY_AFTER_SECONDS);
}

/**
 * Starts the case's workflow, or finds it already there: the workflow id is the case id, so a
 * replayed request, a concurrent duplicate and a closed case all resolve to the one execution.
 */
export async function startCaseWorkflow(
  client: Client,
  taskQueue: string,
  start: { workflowType: string; caseId: string; input: unknown },
): Promise<void> {
  const { workflowType, caseId, input } = start;
  try {
    await within(client, START_DEADLINE_MS, () =>
      client.workflow.start(workflowType, {
        workflowId: caseId,
        taskQueue,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    );
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** The live view, or null when the workflow cannot answer now; the stored record is enough then. */
export async function queryCaseView(client: Client, caseId: string): Promise<CaseView | null> {
  try {
    return await within(client, QUERY_DEADLINE_MS, () => client.workflow.getHandle(caseId).query(caseViewQuery));
  } catch {
    return null;
  }
}

/**
 * Whether the case's workflow was ever started: the workflow, not its record, knows. A Temporal
 * that does not answer is a 503 the caller can retry (the request is idempotent).
 */
export async function caseWorkflowStarted(client: Client, caseId: string): Promise<boolean> {
  try {
    await within(client, QUERY_DEADLINE_MS, () => client.workflow.getHandle(caseId).describe());
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    if (err instanceof ServiceError) throw temporalUnavailable(`case ${caseId} did not answer in time; retrying is safe`);
    throw err;
  }
}

const TransitionDetails = z.object({ status: z.string(), allowed: z.array(z.string()) });
const AssignedDetails = z.object({ assignee: z.string() });
const PayloadDetails = z.object({ path: z.string(), message: z.string() });

/** How a refused update is explained: actions list `allowedActions`, partner steps `allowedSteps`. */
export type AllowedKey = 'allowedActions' | 'allowedSteps';

function problemForUpdate(err: unknown, caseId: string, allowedKey: AllowedKey): HttpProblem | undefined {
  if (err instanceof WorkflowNotFoundError) {
    return new HttpProblem('case-closed', `case ${caseId} is closed and takes no more requests`, { caseId });
  }
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const failure = err.cause;
    if (failure.type === InvalidTransition) {
      const details = TransitionDetails.safeParse(failure.details?.[0]);
      return new HttpProblem('invalid-transition', failure.message, {
        caseId,
        currentStatus: details.success ? details.data.status : null,
        [allowedKey]: details.success ? details.data.allowed : [],
      });
    }
    if (failure.type === UnknownPartner) return new HttpProblem('unknown-partner', failure.message, { caseId });
    if (failure.type === InvalidPayload) {
      const details = PayloadDetails.safeParse(failure.details?.[0]);
      const error = details.success ? details.data : { path: '', message: failure.message };
      return validationProblem(failure.message, [{ in: 'body', ...error }]);
    }
    if (failure.type === AlreadyAssigned) {
      const details = AssignedDetails.safeParse(failure.details?.[0]);
      return new HttpProblem('already-assigned', failure.message, { caseId, assignee: details.success ? details.data.assignee : null });
    }
    return new HttpProblem('action-rejected', failure.message, { caseId });
  }
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || err instanceof ServiceError) {
    return temporalUnavailable(`case ${caseId} did not answer in time; retrying with the same request is safe`);
  }
  return undefined;
}

/**
 * Sends an update and waits for the workflow's answer. The validator refuses invalid requests
 * before anything enters history; updateId makes a repeated request return the first answer.
 */
export async function updateCase<Req, Ack>(
  client: Client,
  caseId: string,
  update: UpdateDefinition<Ack, [Req]>,
  request: Req,
  opts: { updateId: string; allowedKey: AllowedKey },
): Promise<Ack> {
  try {
    return await within(client, UPDATE_DEADLINE_MS, () =>
      client.workflow.getHandle(caseId).executeUpdate(update, { args: [request], updateId: opts.updateId }),
    );
  } catch (err) {
    throw problemForUpdate(err, caseId, opts.allowedKey) ?? err;
  }
}
