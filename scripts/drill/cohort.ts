import { setTimeout as sleep } from 'node:timers/promises';
import { runBounded } from '../load/boundedRun';
import { returnRequest } from '../load/caseRequests';
import type { Answer, ServiceClient } from '../load/serviceClient';
import type { ItemCondition } from '../../workflows/returns/vocabulary';
import type { Drill } from './drillStack';

/** A client whose request failed on our side retries with the same key, as the API asks it to, for this long. */
const SUBMIT_PATIENCE_MS = 3 * 60_000;
const SUBMIT_RETRY_MS = { first: 250, max: 5_000 };
const POLL_MS = 1_000;

/** No answer at all, or one that says "try again": the request may or may not have been carried out. */
export function unanswered(answer: Answer): boolean {
  return answer.status === 0 || answer.status >= 500;
}

export interface Counts {
  /** Cases the API confirmed (201), distinct ids. */
  started: number;
  /** Closed as refunded in the projection. */
  completed: number;
  /** Started and not completed by the deadline. */
  lost: number;
  /** Cases the simulator's payments received more than one refund for. */
  duplicated: number;
}

/**
 * Sends one request and retries while the answer says "try again" (5xx, or no answer at all); the
 * request must carry the same Idempotency-Key each time, so a retry can never do it twice. A client
 * that is not `patient` gives up at the first such answer, as a customer who closes the page.
 */
export async function patiently(request: () => Promise<Answer>, patient = true): Promise<Answer> {
  const until = Date.now() + SUBMIT_PATIENCE_MS;
  let delayMs = SUBMIT_RETRY_MS.first;
  for (;;) {
    const answer = await request().catch((error: unknown) => ({ status: 0, body: { error: String(error) } }));
    if (!patient || !unanswered(answer) || Date.now() > until) return answer;
    await sleep(delayMs);
    delayMs = Math.min(delayMs * 2, SUBMIT_RETRY_MS.max);
  }
}

/** Submits one return through the API, patiently or not (see patiently). */
export function submit(service: ServiceClient, body: unknown, key: string, patient = true): Promise<Answer> {
  return patiently(() => service.createCase(body, key), patient);
}

/**
 * Opens `count` refunds, `concurrency` at a time, through the stack's API or `service`, and calls
 * `fault`, if any, once `faultAfter` are in; the rest, if any, are submitted while the fault lasts.
 * Resolves with the ids of the started cases once both are done.
 */
export async function submitCohort(
  drill: Drill,
  opts: {
    name: string;
    count: number;
    concurrency: number;
    faultAfter?: number;
    fault?: () => Promise<void>;
    service?: ServiceClient;
    /** The returned item's condition: unopened, approved at once; opened, waiting for an agent's review. */
    condition?: ItemCondition;
  },
): Promise<string[]> {
  const service = opts.service ?? drill.service;
  let fault: Promise<void> | undefined;
  const ids = await runBounded(
    opts.count,
    opts.concurrency,
    async (index) => {
      const { body, order } = returnRequest(drill.runId, `${opts.name}-${index}`, opts.condition);
      await drill.service.addOrder(order);
      const answer = await submit(service, body, `${opts.name}-${index}`);
      if (answer.status !== 201) drill.progress(`case ${index} of ${opts.name} was refused: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.status === 201 ? String(answer.body.id) : null;
    },
    (done) => {
      if (!opts.fault || done !== opts.faultAfter) return;
      fault = opts.fault();
      // Awaited once the submissions are done; until then a failure must not count as unhandled.
      fault.catch(() => undefined);
    },
  );
  await fault;
  return ids.filter((id): id is string => id !== null);
}

/** Open cases of one cohort right now, by status: what a fault catches in flight, and where. */
export async function openInCohort(drill: Drill, name: string): Promise<Record<string, number>> {
  const { rows } = await drill.pool.query<{ status: string; n: string }>(
    'SELECT status, count(*) AS n FROM cases WHERE customer_id LIKE $1 AND closed_at IS NULL GROUP BY status ORDER BY status',
    [`load-${drill.runId}-${name}-%`],
  );
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/** Cases of `ids` closed as refunded, as the projection shows them. */
async function completedCases(drill: Drill, ids: string[]): Promise<number> {
  const { rows } = await drill.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM cases WHERE id = ANY($1) AND status = 'closed' AND outcome = 'refunded'`,
    [ids],
  );
  return Number(rows[0]!.n);
}

/** Waits (at most `deadlineMs`) until every case completed, then counts. */
export async function countOutcome(drill: Drill, ids: string[], deadlineMs: number): Promise<Counts & { stuckAt: Record<string, number> }> {
  const until = Date.now() + deadlineMs;
  let reportedAt = Date.now();
  let completed = 0;
  while (Date.now() < until) {
    completed = await completedCases(drill, ids).catch(() => completed);
    if (completed === ids.length) break;
    if (Date.now() - reportedAt > 10_000) {
      drill.progress(`${completed}/${ids.length} completed`);
      reportedAt = Date.now();
    }
    await sleep(POLL_MS);
  }
  return { started: ids.length, completed, lost: ids.length - completed, duplicated: await duplicatedRefunds(drill, ids), stuckAt: await stuckAt(drill, ids) };
}

async function duplicatedRefunds(drill: Drill, ids: string[]): Promise<number> {
  const cohort = new Set(ids);
  const perCase = new Map<string, number>();
  for (const refund of (await drill.service.simRecords()).refunds) {
    if (cohort.has(refund.caseId)) perCase.set(refund.caseId, (perCase.get(refund.caseId) ?? 0) + 1);
  }
  return [...perCase.values()].filter((n) => n > 1).length;
}

/** Where the cases that did not complete stand, to tell where a drill lost them. */
async function stuckAt(drill: Drill, ids: string[]): Promise<Record<string, number>> {
  const { rows } = await drill.pool.query<{ status: string; n: string }>(
    `SELECT coalesce(outcome, status) AS status, count(*) AS n FROM cases
     WHERE id = ANY($1) AND NOT (status = 'closed' AND outcome = 'refunded') GROUP BY 1`,
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
