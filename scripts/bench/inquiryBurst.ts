import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mintToken } from '../../api/auth/tokens';
import { caseIdFor } from '../../api/schemas/caseId';
import { slaPolicies, slaTarget } from '../../config/policies/slaPolicy';
import { killWithParent } from '../childLifetime';
import { returnRequest } from '../load/caseRequests';
import type { Bench } from './benchStack';
import type { BurstOutcome, BurstPlan, ClientOutcome } from './burstClients';
import { CpuTally } from './cpu';
import type { BenchFlags } from './flags';
import type { Figure } from './report';
import { percentile, ratio } from './stats';

/**
 * The source material's stress test: a burst of inquiries from as many HTTP clients, each on a
 * connection of its own, arriving evenly within a window. Every one must be accepted (a client
 * shed with 429 comes back after Retry-After with the same key, as a channel would), and each
 * must get its first response within the first_response target, counted from its first arrival.
 * The baseline starts as many empty workflows on the same schedule.
 */

/** The questions come in three kinds: one the knowledge base answers, an order's status, one a person takes. */
function question(i: number, orderId: string): Record<string, unknown> {
  switch (i % 3) {
    case 0:
      return { question: 'When will I get my refund?' };
    case 1:
      return { question: 'Where is my order? It has not arrived.', orderId };
    default:
      return { question: 'Do you sell gift wrapping for the jacket?' };
  }
}

/** Time for the last bare workflows' tasks after the last start, counted in their CPU. */
const BARE_SETTLE_MS = 3_000;

interface Attempted extends ClientOutcome {
  caseId: string;
  arrivedAt: number;
}

function countBy(values: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  return counts;
}

function latencySummary(values: number[]) {
  return { n: values.length, p50Ms: percentile(values, 50), p99Ms: percentile(values, 99), maxMs: Math.max(...values) };
}

async function firstResponses(bench: Bench, ids: string[], deadline: number): Promise<Map<string, number>> {
  for (;;) {
    const { rows } = await bench.pool.query<{ case_id: string; at: string | null }>(
      'SELECT case_id, first_response_at AS at FROM case_facts WHERE case_id = ANY($1)',
      [ids],
    );
    const answered = new Map(rows.filter((r) => r.at !== null).map((r) => [r.case_id, Date.parse(r.at!)]));
    if (answered.size >= ids.length || Date.now() > deadline) return answered;
    bench.progress(`inquiry burst: ${answered.size}/${ids.length} first responses recorded`);
    await sleep(2_000);
  }
}

/**
 * Where a first response's time goes, from the timeline: arrival to the case row (intake), the
 * row to the workflow's first step (the start and the first workflow task), that step to the
 * response sent (knowledge base or order system, the message). Medians and p99 in ms.
 */
async function stages(bench: Bench, ids: string[], arrivals: Map<string, number>) {
  const { rows } = await bench.pool.query<{ case_id: string; type: string; at: string }>(
    `SELECT case_id, type, at FROM case_events
      WHERE case_id = ANY($1) AND type IN ('case.requested', 'inquiry.classified', 'inquiry.first_response')`,
    [ids],
  );
  const at = new Map<string, Record<string, number>>();
  for (const r of rows) at.set(r.case_id, { ...at.get(r.case_id), [r.type]: Date.parse(r.at) });
  const spans = { intake: [] as number[], toWorkflow: [] as number[], toResponse: [] as number[] };
  for (const [id, t] of at) {
    const arrived = arrivals.get(id)!;
    const requested = t['case.requested'];
    const classified = t['inquiry.classified'];
    const responded = t['inquiry.first_response'];
    if (requested === undefined || classified === undefined || responded === undefined) continue;
    spans.intake.push(requested - arrived);
    spans.toWorkflow.push(classified - requested);
    spans.toResponse.push(responded - classified);
  }
  const summary = (v: number[]) => ({ p50Ms: percentile(v, 50), p99Ms: percentile(v, 99) });
  return { intake: summary(spans.intake), toWorkflow: summary(spans.toWorkflow), toResponse: summary(spans.toResponse) };
}

/** The burst itself: `n` clients, one per inquiry, arriving evenly within the window, each retrying until taken. */
async function arrive(bench: Bench, n: number, windowMs: number, orders: Record<string, unknown>[]) {
  const startAt = Date.now() + 1_000;
  const arrivals = Array.from({ length: n }, (_, i) => {
    const order = orders[i % orders.length]!;
    const customerId = String(order.customerId);
    const key = `${bench.runId}-burst-${i}`;
    const body = JSON.stringify({ type: 'inquiry', channel: 'app', customer: { id: customerId }, ...question(i, String(order.id)) });
    return { caseId: caseIdFor(customerId, key), request: { key, body, arrivalMs: Math.floor((i * windowMs) / n) } };
  });
  const { outcomes, cpuMs } = await runClients({
    url: `${bench.stack.apiUrl}/v1/cases`,
    headers: { authorization: `Bearer ${await mintToken({ sub: 'channel-agent', role: 'agent' }, bench.stack.tokens, '12h')}` },
    startAt,
    giveUpAt: startAt + windowMs + 5 * 60_000,
    requests: arrivals.map((a) => a.request),
  });
  const attempted: Attempted[] = arrivals.map(({ caseId, request }, i) => ({ caseId, arrivedAt: startAt + request.arrivalMs, ...outcomes[i]! }));
  return { attempted, clientsCpuMs: cpuMs };
}

/** Runs the clients in a process of their own (scripts/bench/burstClients.ts); rejects with its output if it fails. */
function runClients(plan: BurstPlan): Promise<BurstOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'burstClients.ts')], { stdio: ['pipe', 'pipe', 'pipe'] });
  // A bench stopped mid-burst stops its clients too, rather than leaving them retrying for minutes.
  killWithParent(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify(plan));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    // 'close', not 'exit': the output may still be arriving when the process has exited.
    child.once('close', (code) =>
      code === 0 ? resolve(JSON.parse(stdout) as BurstOutcome) : reject(new Error(`the burst's clients exited with ${code}: ${stderr.slice(-2000)}`)),
    );
  });
}

export async function inquiryBurstFigure(bench: Bench, flags: BenchFlags): Promise<Figure> {
  const { burst: n, 'burst-window-s': windowS } = flags;
  const windowMs = windowS * 1000;
  const targetMs = slaTarget(slaPolicies.standard, 'first_response', { caseType: 'inquiry', priority: 'normal', channel: 'app' })!.targetMs;
  const customers = Math.min(n, 400);
  bench.progress(`inquiry burst: ${n} inquiries from ${n} clients within ${windowS} s (${customers} customers with an order each)`);
  const orders = Array.from({ length: customers }, (_, c) => returnRequest(bench.runId, `burst-${c}`).order);
  for (const order of orders) await bench.service.addOrder(order);

  // From the first arrival to the last first response: everything the burst cost, by process.
  const cpu = new CpuTally(bench.workerPid);
  const { attempted, accepted, answered, clientsCpuMs } = await cpu.measure(n, async () => {
    const { attempted, clientsCpuMs } = await arrive(bench, n, windowMs, orders);
    const accepted = attempted.filter((a) => a.finalStatus === 201);
    // A burst beyond what the machine works on drains for minutes: wait for it, within reason.
    const answered = await firstResponses(bench, accepted.map((a) => a.caseId), Date.now() + 15 * 60_000);
    return { attempted, accepted, answered, clientsCpuMs };
  });
  const firstResponseMs = accepted.flatMap((a) => (answered.has(a.caseId) ? [answered.get(a.caseId)! - a.arrivedAt] : []));
  const { rows } = await bench.pool.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE id = ANY($1)', [attempted.map((a) => a.caseId)]);
  const where = await stages(bench, accepted.map((a) => a.caseId), new Map(accepted.map((a) => [a.caseId, a.arrivedAt])));

  bench.progress(`inquiry burst: the baseline starts ${n} empty workflows on the same schedule`);
  const { client: bare, taskQueue } = bench.bare;
  const bareStart = Date.now() + 1_000;
  const bareCpu = new CpuTally(bench.workerPid);
  const bareMs = await bareCpu.measure(n, async () => {
    const ms = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const at = bareStart + Math.floor((i * windowMs) / n);
        await sleep(at - Date.now());
        await bare.workflow.start('bareEmpty', { taskQueue, workflowId: `${bench.runId}-burst-bare-${i}` });
        return Date.now() - at;
      }),
    );
    // The empty workflows' single tasks run just after their starts return.
    await sleep(BARE_SETTLE_MS);
    return ms;
  });

  const ours = latencySummary(firstResponseMs);
  const bareSummary = latencySummary(bareMs);
  const within = firstResponseMs.filter((ms) => ms <= targetMs).length;
  return {
    figure: 'inquiryBurst',
    n,
    windowS,
    targetMs,
    firstAttempts: countBy(attempted.map((a) => a.firstStatus)),
    finalAnswers: countBy(attempted.map((a) => a.finalStatus)),
    shed: attempted.filter((a) => a.firstStatus === 429).length,
    retries: attempted.reduce((sum, a) => sum + a.attempts - 1, 0),
    serverErrors: attempted.filter((a) => a.finalStatus >= 500 || a.finalStatus === 0).length,
    unanswered: accepted.length - answered.size,
    casesExisting: Number(rows[0]!.n),
    firstResponse: ours,
    withinTarget: { n: within, share: Number((within / n).toFixed(4)) },
    // benchProcess is the API and the simulator here: the clients ran in a process of their own.
    cpuMsPerInquiry: { ...cpu.perUnit(), loadClients: Number((clientsCpuMs / n).toFixed(2)) },
    stages: where,
    bareStart: bareSummary,
    // The bare worker runs in the bench's process: its share is under benchProcess.
    bareCpuMsPerStart: bareCpu.perUnit(),
    ratio: { p50: ratio(ours.p50Ms, bareSummary.p50Ms), p99: ratio(ours.p99Ms, bareSummary.p99Ms) },
  };
}
