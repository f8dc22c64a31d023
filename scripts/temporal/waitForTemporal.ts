import { Connection } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Resolves once the frontend at `address` answers for `namespace` (the port opens before the
 * namespace is registered). Rejects at the deadline, or as soon as `gaveUp` resolves, with its
 * reason (e.g. the server process exited), instead of probing a dead server until the deadline.
 */
export async function waitForTemporal(opts: {
  address: string;
  namespace: string;
  timeoutMs: number;
  gaveUp: Promise<string>;
}): Promise<void> {
  const { address, namespace, timeoutMs } = opts;
  const deadline = Date.now() + timeoutMs;
  const abandoned = opts.gaveUp.then((reason) => ({ reason }));
  for (;;) {
    const attempt = probe(address, namespace).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    const outcome = await Promise.race([attempt, abandoned]);
    if (outcome === null) return;
    if (typeof outcome === 'object') throw new Error(outcome.reason);
    if (Date.now() >= deadline) {
      throw new Error(`no answer from ${address} within ${timeoutMs / 1000}s (last error: ${outcome})`);
    }
    const paused = await Promise.race([sleep(250).then(() => null), abandoned]);
    if (paused) throw new Error(paused.reason);
  }
}

async function probe(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    await connection.withDeadline(Date.now() + 2_000, () =>
      connection.workflowService.describeNamespace({ namespace }),
    );
  } finally {
    await connection.close();
  }
}
