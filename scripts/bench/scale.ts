import type { Bench } from './benchStack';
import type { BenchFlags } from './flags';
import { describePoint, openUpTo, type OpenPoint } from './openPoint';
import { compareSteps } from './partnerStep';
import type { Figure } from './report';
import { ratio } from './stats';

/**
 * The load figure of the source material: open cases waiting on partners, raised from the low
 * point to `--open-cases`, and what that does to memory and to webhooks. As many scans as at the
 * low point go to cases spread evenly over those just opened, so most have left the worker's
 * cache and a scan pays for replaying the history, as a scan days after the label would. The
 * webhook p99 is also given against the bare updates measured in the same minutes, which takes
 * out what other processes did to the machine meanwhile.
 */
export async function scaleFigure(bench: Bench, flags: BenchFlags, low: OpenPoint): Promise<Figure> {
  const probes = flags['low-open'];
  const opened = await openUpTo(bench, { target: flags['open-cases'], atLeast: probes, concurrency: flags.concurrency, what: 'scale' });
  const steps = await compareSteps(bench, spread(opened.ids, probes), flags['step-concurrency'], 'scale probes');
  const [lowView, highView] = [describePoint(low), describePoint({ openCases: opened.openCases, memory: opened.memory, steps })];
  const memoryRatio = (key: keyof OpenPoint['memory']) => {
    const [l, h] = [low.memory[key], opened.memory[key]];
    return l === null || h === null ? null : ratio(h, l);
  };
  return {
    figure: 'scale',
    openedPerSecond: opened.openedPerSecond,
    low: lowView,
    high: highView,
    ratio: {
      webhookP99: ratio(highView.ours.p99Ms, lowView.ours.p99Ms),
      webhookP99AgainstBare: ratio(highView.ratio.p99, lowView.ratio.p99),
      workerMemory: memoryRatio('workerMiB'),
      benchProcessMemory: memoryRatio('benchProcessMiB'),
      temporalServerMemory: memoryRatio('temporalServerMiB'),
    },
    perOpenCase: perOpenCase(low, opened),
  };
}

/** What each case opened between the two points added, in KiB: the server's memory and the database's size. */
function perOpenCase(low: Pick<OpenPoint, 'openCases' | 'memory'>, high: Pick<OpenPoint, 'openCases' | 'memory'>) {
  const added = high.openCases - low.openCases;
  const kib = (l: number | null, h: number | null) => (l === null || h === null || added <= 0 ? null : Math.round(((h - l) * 1024) / added));
  return {
    temporalServerKiB: kib(low.memory.temporalServerMiB, high.memory.temporalServerMiB),
    databaseKiB: kib(low.memory.databaseMiB, high.memory.databaseMiB),
    workerKiB: kib(low.memory.workerMiB, high.memory.workerMiB),
  };
}

/** `count` items spaced evenly over `items`, the first included. */
function spread<T>(items: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0).slice(0, count);
}
