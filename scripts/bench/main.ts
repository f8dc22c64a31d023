import { runBounded } from '../load/boundedRun';
import { runMain, stopOnSignals } from '../load/runMain';
import { progressPrinter } from '../progress';
import { startBench, type Bench } from './benchStack';
import { activitiesRun, endToEndFigure, refund } from './endToEnd';
import { type BenchFlags, parseBenchFlags, runs } from './flags';
import { inquiryBurstFigure } from './inquiryBurst';
import { intakeFigure } from './intake';
import { kpiReportFigure } from './kpiReport';
import { openUpTo } from './openPoint';
import { compareSteps, partnerStepFigure } from './partnerStep';
import { Report } from './report';
import { scaleFigure } from './scale';

const WARMUP_RUNS = 4;

/**
 * `npm run bench`: our stack against bare Temporal on the same server, in one run. Every figure is
 * a ratio to a baseline measured in the same run, in alternating rounds, because absolute numbers
 * on a shared machine say more about the neighbours than about us.
 */
async function main(): Promise<number> {
  const flags = parseBenchFlags(process.argv.slice(2));
  const progress = progressPrinter('bench');
  const report = new Report(flags);
  const bench = await startBench(progress, flags.worker);
  stopOnSignals(() => bench.stop(), progress);
  try {
    const activities = await warmUp(bench);
    // The low point is the partner step's figure and the scale figure's baseline.
    const lowPoint = runs(flags, 'partnerStep') || runs(flags, 'scale') ? await lowPointOf(bench, flags) : null;
    if (lowPoint && runs(flags, 'partnerStep')) report.add(partnerStepFigure(lowPoint, flags['step-concurrency']));
    if (runs(flags, 'endToEnd')) report.add(await endToEndFigure(bench, flags, activities));
    if (runs(flags, 'intake')) report.add(await intakeFigure(bench, flags));
    if (lowPoint && runs(flags, 'scale')) report.add(await scaleFigure(bench, flags, lowPoint));
    if (runs(flags, 'kpiReport')) report.add(await kpiReportFigure(bench, flags));
    // Last: its inquiries stay open, waiting for customers, and would weigh on the figures before it.
    if (runs(flags, 'inquiryBurst')) report.add(await inquiryBurstFigure(bench, flags));
  } finally {
    progress('stopping the stack');
    await bench.stop();
  }
  await report.write(flags.out);
  progress(`results written to ${flags.out}`);
  return 0;
}

async function lowPointOf(bench: Bench, flags: BenchFlags) {
  const low = await openUpTo(bench, { target: flags['low-open'], atLeast: flags['low-open'], concurrency: flags.concurrency, what: 'low point' });
  const steps = await compareSteps(bench, low.ids, flags['step-concurrency'], 'partner step');
  return { openCases: low.openCases, memory: low.memory, steps };
}

/** First calls pay for JIT, connections and caches; they are run and not measured. Resolves with a refund's activity count. */
async function warmUp(bench: Bench): Promise<number> {
  bench.progress('warming up');
  const { client, taskQueue } = bench.bare;
  const refunds = await runBounded(WARMUP_RUNS, WARMUP_RUNS, () => refund(bench));
  const activities = await activitiesRun(bench.stack.client, refunds[0]!);
  await runBounded(WARMUP_RUNS, WARMUP_RUNS, (i) =>
    client.workflow.execute('bareActivities', { taskQueue, workflowId: `${bench.runId}-warmup-${i}`, args: [activities] }),
  );
  bench.progress(`a refund runs ${activities} activities`);
  return activities;
}

runMain(main);
