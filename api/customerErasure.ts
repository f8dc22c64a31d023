import { type Client, ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { casesToErase, eraseCustomer } from '../db/erasure';
import { feedbackWorkflowId } from '../workflows/feedback/input';
import type { Caller } from './auth/access';
import { temporalUnavailable } from './caseWorkflows';
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';
import type { ErasureAnswer, ErasureRequest } from './schemas/privacy';

/**
 * A customer's erasure (docs/security.md#erasure-and-retention). A case still worked on is refused:
 * an open one's workflow still reads the customer's payloads, which the erasure makes unreadable,
 * and an escalation or a low rating's follow-up waits in a queue for someone to act on; closing,
 * cancelling or answering them are decisions about the customer's matter, not the erasure's. What
 * still runs for a closed case, a survey not answered, is ended here, then the stores are erased
 * and the data keys destroyed in one transaction.
 */

const END_DEADLINE_MS = 10_000;

function openCasesProblem(customerId: string, caseIds: string[]): HttpProblem {
  return new HttpProblem(
    'customer-has-open-cases',
    `customer ${customerId} has ${caseIds.length} case(s) open, or with an escalation or a follow-up open; finish them before erasing the customer's data`,
    { customerId, openCases: caseIds },
  );
}

/** Ends each workflow still running; the number ended. One that has finished (or never ran) is not found, and is left. */
async function endWorkflows(client: Client, workflowIds: string[]): Promise<number> {
  let ended = 0;
  for (const workflowId of workflowIds) {
    try {
      await client.withDeadline(Date.now() + END_DEADLINE_MS, () =>
        client.workflow.getHandle(workflowId).terminate("the customer's personal data is being erased"),
      );
      ended += 1;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) continue;
      if (err instanceof ServiceError) throw temporalUnavailable('the workflow engine did not answer; retrying the erasure is safe');
      throw err;
    }
  }
  return ended;
}

export async function eraseCustomerData(
  deps: ApiDeps,
  customerId: string,
  ground: ErasureRequest['ground'],
  caller: Caller,
): Promise<ErasureAnswer> {
  const cases = await casesToErase(deps.pool, customerId);
  const open = cases.filter((c) => c.stillWorked).map((c) => c.caseId);
  if (open.length > 0) throw openCasesProblem(customerId, open);
  const workflowsEnded = await endWorkflows(
    deps.temporal,
    cases.flatMap((c) => [feedbackWorkflowId(c.caseId), ...c.escalationIds]),
  );
  const requester = { role: caller.principal.role, id: caller.principal.sub };
  const erasure = await eraseCustomer(deps.pool, deps.customerKeys, customerId, { ground, requester });
  // A case opened since the first look: the customer is back, and it is to be finished first.
  if (erasure.kind === 'open-cases') throw openCasesProblem(customerId, erasure.caseIds);
  const { request, counts } = erasure;
  return { customerId, customerKeyId: request.customerKeyId!, ground, erasedAt: request.at, counts: { ...counts, workflowsEnded }, auditId: request.id };
}
