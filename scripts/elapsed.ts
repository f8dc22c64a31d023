/** Elapsed-time reporting for steps slow enough that a silent terminal looks like a hang. */

export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

export interface Ticker {
  elapsed(): string;
  stop(): void;
}

/** Calls onTick with the elapsed time every intervalMs until stopped; never keeps the process alive. */
export function startTicker(onTick: (elapsed: string) => void, intervalMs = 30_000): Ticker {
  const startedAt = Date.now();
  const elapsed = () => formatElapsed(Date.now() - startedAt);
  const timer = setInterval(() => onTick(elapsed()), intervalMs);
  timer.unref();
  return { elapsed, stop: () => clearInterval(timer) };
}
