import type { LoadSample } from '../load/boundedRun';
import { mergeSamples } from './stats';

export interface Sides {
  ours: LoadSample;
  bare: LoadSample;
}

/**
 * Splits `n` calls per side into rounds and runs the baseline's share, then ours, round after
 * round, so a change in the machine's load (other processes come and go) falls on both sides
 * alike. Each side gets the index range its round covers.
 */
export async function alternate(
  n: number,
  rounds: number,
  run: { bare: (from: number, count: number) => Promise<LoadSample>; ours: (from: number, count: number) => Promise<LoadSample> },
): Promise<Sides> {
  const bare: LoadSample[] = [];
  const ours: LoadSample[] = [];
  const perRound = Math.ceil(n / Math.max(1, rounds));
  for (let from = 0; from < n; from += perRound) {
    const count = Math.min(perRound, n - from);
    bare.push(await run.bare(from, count));
    ours.push(await run.ours(from, count));
  }
  return { ours: mergeSamples(ours), bare: mergeSamples(bare) };
}
