import { setTimeout as sleep } from 'node:timers/promises';
import { runBounded } from '../load/boundedRun';
import type { Answer } from '../load/serviceClient';
import { returnRequest } from '../load/caseRequests';
import { inspectionWebhook } from '../../sim/webhookEvents';
import { countOutcome, submit } from './cohort';
import type { Drill } from './drillStack';
import type { DrillFlags } from './flags';

const NAME = 'webhook-redelivery';
/** The inspection is the step whose event the drill repeats; the case must be waiting for it first. */
const WAITING_FOR_INSPECTION = 'received';
const WAIT_POLL_MS = 250;

async function statusOf(drill: Drill, caseId: string): Promise<string | undefined> {
  const { rows } = await drill.pool.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]);
  return rows[0]?.status;
}

async function waitForStatus(drill: Drill, caseId: string, status: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  let current = await statusOf(drill, caseId);
  while (current !== status) {
    if (Date.now() > until) throw new Error(`${NAME}: case ${caseId} is ${current ?? 'unknown'}, not ${status}, after ${deadlineMs / 1000}s`);
    await sleep(WAIT_POLL_MS);
    current = await statusOf(drill, caseId);
  }
}

/** How many times the case's timeline holds the event the step records. */
async function timelineCount(drill: Drill, caseId: string, type: string): Promise<number> {
  const { rows } = await drill.pool.query<{ n: string }>('SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = $2', [caseId, type]);
  return Number(rows[0]!.n);
}

/**
 * One warehouse inspection, signed as the warehouse signs it, delivered `redeliveries` times,
 * `redelivery-concurrency` at once, as a partner whose acknowledgements are lost sends it again
 * and again: the case must take the step once, and what follows it (the refund, the restock, the
 * customer's message) must happen once. Every delivery is answered: 200 with the case's status
 * while it is open, and an explicit 4xx once the case has closed; a 5xx or no answer is a fault.
 */
export async function webhookRedelivery(drill: Drill, flags: DrillFlags): Promise<{ ok: boolean } & Record<string, unknown>> {
  const n = flags.redeliveries;
  const deadlineMs = flags['deadline-s'] * 1000;
  const { body, order } = returnRequest(drill.runId, NAME);
  await drill.service.addOrder(order);
  const opened = await submit(drill.service, body, `${NAME}-${drill.runId}`);
  if (opened.status !== 201) return { ok: false, refused: { status: opened.status, body: opened.body } };
  const caseId = String(opened.body.id);
  // The drill is the warehouse for this case: the simulator's autopilot stops after delivery.
  await drill.service.simScript({ caseId, inspection: 'manual' });
  await waitForStatus(drill, caseId, WAITING_FOR_INSPECTION, deadlineMs);

  drill.progress(`${NAME}: one inspection event of case ${caseId} delivered ${n} times, ${flags['redelivery-concurrency']} at once`);
  const webhook = inspectionWebhook({ caseId, result: 'restockable', eventId: `${NAME}-${drill.runId}` });
  const startedAt = Date.now();
  const answers = await runBounded(n, flags['redelivery-concurrency'], () =>
    drill.service.partnerWebhook(webhook).catch((error: unknown): Answer => ({ status: 0, body: { error: String(error) } })),
  );
  const seconds = (Date.now() - startedAt) / 1000;
  const answered: Record<number, number> = {};
  const problems: Record<string, number> = {};
  for (const { status, body: answer } of answers) {
    answered[status] = (answered[status] ?? 0) + 1;
    // A problem's type names the refusal (case-closed); no answer at all, the error.
    const problem = String(answer.type ?? answer.error);
    if (status >= 300) problems[problem] = (problems[problem] ?? 0) + 1;
  }

  const counts = await countOutcome(drill, [caseId], deadlineMs);
  const records = await drill.service.simRecords(caseId);
  const effects = {
    inspectionsOnTimeline: await timelineCount(drill, caseId, 'inspection.completed'),
    refunds: records.refunds.length,
    restocks: records.stockMovements.filter((movement) => movement.kind === 'restock').length,
    refundMessages: records.notifications.filter((message) => message.template === 'refund_issued').length,
  };
  const failed = answers.filter(({ status }) => status === 0 || status >= 500).length;
  const onceEach = Object.values(effects).every((count) => count === 1);
  const ok = failed === 0 && (answered[200] ?? 0) > 0 && onceEach && counts.completed === 1 && counts.duplicated === 0;
  return { ok, caseId, deliveries: n, seconds: Math.round(seconds * 10) / 10, answered, problems, ...effects, ...counts };
}
