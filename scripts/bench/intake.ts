import { measureLoad, runBounded } from '../load/boundedRun';
import { alternate } from './alternate';
import type { Bench } from './benchStack';
import { prepareCase, settle, submitCase } from './cases';
import { CpuTally } from './cpu';
import type { BenchFlags } from './flags';
import type { Figure } from './report';
import { sideBySide } from './stats';

/**
 * POST /v1/cases (validation, the case row and its claims, the workflow start) against a bare
 * start of an empty workflow, at the same concurrency. The cases then wait for an agent's review;
 * each round waits until they got there, so their first steps do not slow the next round down.
 */
export async function intakeFigure(bench: Bench, flags: BenchFlags): Promise<Figure> {
  const { 'intake-n': n, concurrency, rounds } = flags;
  const { client, taskQueue } = bench.bare;
  bench.progress(`intake: ${n} bare starts and ${n} cases in ${rounds} alternating rounds, ${concurrency} at a time`);
  const cpu = new CpuTally(bench.workerPid);
  const sides = await alternate(n, rounds, {
    bare: (from, count) =>
      measureLoad(count, concurrency, (i) => client.workflow.start('bareEmpty', { taskQueue, workflowId: `${bench.runId}-empty-${from + i}` })),
    ours: async (_from, count) => {
      const ready = await runBounded(count, concurrency, () => prepareCase(bench, { condition: 'opened' }));
      // A case is opened once its workflow has taken it to review: that work is counted with the request's.
      return cpu.measure(count, async () => {
        const ids: string[] = [];
        const sample = await measureLoad(count, concurrency, async (i) => ids.push(await submitCase(bench, ready[i]!)));
        await settle(bench, ids, ['under_review']);
        return sample;
      });
    },
  });
  return { figure: 'intake', n, concurrency, ...sideBySide(sides), cpuMsPerCase: cpu.perUnit() };
}
