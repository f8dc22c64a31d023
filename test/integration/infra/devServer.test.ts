import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTemporalDevServer } from '../../../scripts/temporal/devServer';
import { resolveTemporalCli, temporalCliCacheDir } from '../../../scripts/temporal/resolveCli';
import { uniqueTaskQueue } from '../../support/env';

/** With TEMPORAL_CLI_PATH the run may never have filled the cache, and the test must not build it. */
const itWithCache = process.env.TEMPORAL_CLI_PATH ? it.skip : it;

describe('Temporal CLI and dev server', () => {
  itWithCache('resolves the CLI from the project cache when none is on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      expect(await resolveTemporalCli()).toEqual({ kind: 'path', path: join(temporalCliCacheDir(), 'temporal') });
    } finally {
      process.env.PATH = path;
    }
  });

  it('keeps a started workflow across a restart on the same db file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aso-devserver-'));
    const cli = await resolveTemporalCli({ explicitPath: process.env.TEMPORAL_CLI_PATH });
    // A namespace of our own also proves a restart copes with it already existing in the file.
    const namespace = 'persisted';
    const start = () =>
      startTemporalDevServer({ cli, port: 0, uiPort: null, dbFile: join(dir, 'temporal.db'), namespace });
    let server = await start();
    try {
      const workflowId = `no-worker-${randomUUID()}`;
      // Nothing polls this task queue, so the workflow stays RUNNING with only its first task scheduled.
      await withClient(server.address, namespace, (client) =>
        client.workflow.start('NoWorkerWorkflow', { workflowId, taskQueue: uniqueTaskQueue('no-worker') }),
      );
      await server.stop();

      server = await start();
      const description = await withClient(server.address, namespace, (client) =>
        client.workflow.getHandle(workflowId).describe(),
      );
      expect(description.status.name).toBe('RUNNING');
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function withClient<T>(address: string, namespace: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address });
  try {
    return await fn(new Client({ connection, namespace }));
  } finally {
    await connection.close();
  }
}
