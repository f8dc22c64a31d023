import type { Bench } from './benchStack';
import type { BenchFlags } from './flags';
import { describePoint, openUpTo, type OpenPoint } from './openPoint';
import { probeWebhooks } from './probes';
import type { Figure } from './report';
import { ratio } from './stats';

/**
 * The load figure of the source material: open cases waiting on partners, raised from the low
 * point to `--open-cases`, and what that does to memory and to the webhook p99 (as many scans as
 * at the low point, on cases opened last).
 */
export async function scaleFigure(bench: Bench, flags: BenchFlags, low: OpenPoint): Promise<Figure> {
  const probes = flags['low-open'];
  const opened = await openUpTo(bench, { target: flags['open-cases'], atLeast: probes, concurrency: flags.concurrency, what: 'scale' });
  bench.progress(`scale: probing ${probes} cases with carrier webhooks`);
  const webhooks = await probeWebhooks(bench, opened.ids.slice(-probes), flags['step-concurrency']);
  const high: OpenPoint = { openCases: opened.openCases, memory: opened.memory, webhooks };
  const [lowView, highView] = [describePoint(low), describePoint(high)];
  const memoryRatio = (key: keyof OpenPoint['memory']) => {
    const [l, h] = [low.memory[key], high.memory[key]];
    return l === null || h === null ? null : ratio(h, l);
  };
  return {
    figure: 'scale',
    openedPerSecond: opened.openedPerSecond,
    low: lowView,
    high: highView,
    ratio: {
      webhookP99: ratio(highView.webhooks.p99Ms, lowView.webhooks.p99Ms),
      ourProcessMemory: memoryRatio('ourProcessMiB'),
      temporalServerMemory: memoryRatio('temporalServerMiB'),
    },
  };
}
