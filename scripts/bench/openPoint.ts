import { runBounded } from '../load/boundedRun';
import type { Bench } from './benchStack';
import { countOpen, openCase, settle } from './cases';
import { type StackMemory, stackMemory } from './memory';
import type { StepSides } from './partnerStep';
import { sideBySide } from './stats';

/** The stack with so many cases open: its memory, and webhooks against bare updates measured then. */
export interface OpenPoint {
  openCases: number;
  memory: StackMemory;
  steps: StepSides;
}

/**
 * Cases opened but not yet waiting on the carrier, at most. Each is a workflow busy with its first
 * steps; far more of them than the worker caches (a couple of thousand by default) and every step
 * replays a history instead, which slows the worker to a crawl. Real intake is spread over the day.
 */
const FILL_BACKLOG = 500;

/**
 * Opens parked cases until `target` of the run's cases are open (at least `atLeast` new ones),
 * keeping the backlog of cases not yet waiting on the carrier bounded, and waits until all of
 * them wait. Resolves with their ids, the rate they opened at, and the state of the stack then:
 * open cases and memory.
 */
export async function openUpTo(bench: Bench, opts: { target: number; atLeast: number; concurrency: number; what: string }) {
  const missing = Math.max(opts.atLeast, opts.target - (await countOpen(bench)));
  const startedAt = Date.now();
  const ids: string[] = [];
  while (ids.length < missing) {
    const count = Math.min(FILL_BACKLOG, missing - ids.length);
    ids.push(...(await runBounded(count, opts.concurrency, () => openCase(bench, { parked: true }))));
    await settle(bench, ids, ['label_issued'], { behind: ids.length < missing ? FILL_BACKLOG : 0 });
    bench.progress(`${opts.what}: ${ids.length}/${missing} opened`);
  }
  const openedPerSecond = Number(((missing * 1000) / (Date.now() - startedAt)).toFixed(1));
  const openCount = await countOpen(bench);
  bench.progress(`${opts.what}: ${openCount} cases open`);
  return { ids, openedPerSecond, openCases: openCount, memory: await stackMemory(bench.workerPid(), bench.pool) };
}

/** What the results show of a point: the samples summarized, with their ratio. */
export function describePoint(point: OpenPoint) {
  return { openCases: point.openCases, memory: point.memory, ...sideBySide(point.steps), cpuMsPerStep: point.steps.cpuMsPerStep };
}
