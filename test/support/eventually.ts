import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Retries an assertion until it holds: the projection and the simulator are eventually
 * consistent with the workflow. The deadline only bounds a failing test; no test asserts speed.
 */
export async function eventually<T>(check: () => Promise<T>, deadlineMs = 30_000, everyMs = 100): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await sleep(everyMs);
    }
  }
}
