/**
 * Runs task(0) … task(count - 1) with at most `concurrency` in flight, in index order, and resolves
 * with the results in that order. The count bounds every load loop; the first failure stops the
 * run (tasks already in flight finish) and is rethrown.
 */
export async function runBounded<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
  onDone?: (done: number) => void,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < count && !failure) {
      const index = next++;
      try {
        results[index] = await task(index);
      } catch (error) {
        failure ??= { error };
      }
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
  if (failure) throw failure.error;
  return results;
}

export interface LoadSample {
  latenciesMs: number[];
  wallMs: number;
}

/** runBounded, timing each call and the whole run. */
export async function measureLoad(
  count: number,
  concurrency: number,
  call: (index: number) => Promise<unknown>,
): Promise<LoadSample> {
  const startedAt = performance.now();
  const latenciesMs = await runBounded(count, concurrency, async (index) => {
    const callStartedAt = performance.now();
    await call(index);
    return performance.now() - callStartedAt;
  });
  return { latenciesMs, wallMs: performance.now() - startedAt };
}
