import { setTimeout as sleep } from 'node:timers/promises';
import { caseIdFor } from '../../api/schemas/caseId';
import type { ItemCondition } from '../../workflows/returns/vocabulary';
import { returnRequest } from '../load/caseRequests';
import type { Bench } from './benchStack';

export interface CaseKind {
  /** unopened: approved automatically; opened: waits for an agent's review. */
  condition?: ItemCondition;
  /** The simulator never picks the parcel up, so the case stays open at label_issued. */
  parked?: boolean;
}

/** A return ready to open: its order is in the order system, its case id known. */
export interface ReadyCase {
  caseId: string;
  body: unknown;
  key: string;
}

/**
 * Adds a return's order to the order system and registers the case: the part of opening a case
 * that is the sale's doing, not the channel's, so a figure can leave it out of what it times.
 */
export async function prepareCase(bench: Bench, kind: CaseKind = {}): Promise<ReadyCase> {
  const index = bench.caseIds.length;
  const { body, order } = returnRequest(bench.runId, index, kind.condition);
  const key = `bench-${index}`;
  const caseId = caseIdFor(body.customer.id, key);
  bench.caseIds.push(caseId);
  await bench.service.addOrder(order);
  if (kind.parked) await bench.service.simScript({ caseId, pickup: 'never' });
  return { caseId, body, key };
}

/** Opens a prepared return through the API, as a sales channel would; resolves with its case id. */
export async function submitCase(bench: Bench, ready: ReadyCase): Promise<string> {
  const res = await bench.service.createCase(ready.body, ready.key);
  if (res.status !== 201) throw new Error(`opening a case answered ${res.status}: ${JSON.stringify(res.body)}`);
  return ready.caseId;
}

export async function openCase(bench: Bench, kind: CaseKind = {}): Promise<string> {
  return submitCase(bench, await prepareCase(bench, kind));
}

async function countCases(bench: Bench, ids: string[], condition: string, params: unknown[] = []): Promise<number> {
  const { rows } = await bench.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM cases WHERE id = ANY($1) AND ${condition}`,
    [ids, ...params],
  );
  return Number(rows[0]!.n);
}

/** Cases of this run not closed yet, as the projection shows them. */
export function countOpen(bench: Bench): Promise<number> {
  return countCases(bench, bench.caseIds, 'closed_at IS NULL');
}

/**
 * Waits until the projection shows every case (all but `behind` of them) at one of `statuses`,
 * so the next step does not share the machine with work left over from this one. Bounded by
 * `deadlineMs`; reports progress every ten seconds.
 */
export async function settle(
  bench: Bench,
  ids: string[],
  statuses: string[],
  opts: { behind?: number; deadlineMs?: number } = {},
): Promise<void> {
  const until = Date.now() + (opts.deadlineMs ?? 10 * 60_000);
  const needed = ids.length - (opts.behind ?? 0);
  let reportedAt = Date.now();
  for (;;) {
    const reached = await countCases(bench, ids, 'status = ANY($2)', [statuses]);
    if (reached >= needed) return;
    if (Date.now() > until) throw new Error(`only ${reached}/${ids.length} cases reached ${statuses.join('|')} in time`);
    if (Date.now() - reportedAt > 10_000) {
      bench.progress(`waiting: ${reached}/${ids.length} cases at ${statuses.join('|')}`);
      reportedAt = Date.now();
    }
    await sleep(250);
  }
}
