import type { LoadSample } from '../load/boundedRun';

export interface Summary {
  n: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile: a value that was really observed, never an interpolation. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Passes run one after the other, as one sample. */
export function mergeSamples(samples: LoadSample[]): LoadSample {
  return {
    latenciesMs: samples.flatMap((s) => s.latenciesMs),
    wallMs: samples.reduce((sum, s) => sum + s.wallMs, 0),
  };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export function summarize(sample: LoadSample): Summary {
  const { latenciesMs, wallMs } = sample;
  return {
    n: latenciesMs.length,
    perSecond: round((latenciesMs.length * 1000) / wallMs),
    p50Ms: round(percentile(latenciesMs, 50)),
    p99Ms: round(percentile(latenciesMs, 99)),
    maxMs: round(Math.max(...latenciesMs)),
  };
}

/** ours / baseline, to two places: above 1 means ours takes longer (or, for throughput, does more). */
export function ratio(ours: number, baseline: number): number {
  return round(ours / baseline, 2);
}

/** Both sides summarized, with latency ratios and the throughput ratio (both ran at the same concurrency). */
export function sideBySide(sides: { ours: LoadSample; bare: LoadSample }) {
  const ours = summarize(sides.ours);
  const bare = summarize(sides.bare);
  return {
    ours,
    bare,
    ratio: { p50: ratio(ours.p50Ms, bare.p50Ms), p99: ratio(ours.p99Ms, bare.p99Ms), throughput: ratio(ours.perSecond, bare.perSecond) },
  };
}
