import { pickPort } from '../net';
import type { DevServer, DevServerOptions } from './devServer';
import { sqlitePragmaArgs } from './sqlitePragmas';

/**
 * The last resort when no CLI binary could be found or built: the Temporal SDK downloads the CLI
 * itself (needs internet) and supervises the process.
 */
export async function startSdkDevServer(opts: DevServerOptions): Promise<DevServer> {
  // Loaded lazily: @temporalio/testing is a dev dependency, and production never reaches this path.
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const port = await pickPort(opts.port, 'Temporal dev server');
  const uiPort = opts.uiPort === null ? null : await pickPort(opts.uiPort ?? 0, 'Temporal UI');
  opts.onProgress?.('starting the Temporal dev server through the SDK, which downloads the CLI on first use');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      ip: '127.0.0.1',
      port,
      ui: uiPort !== null,
      uiPort: uiPort ?? undefined,
      dbFilename: opts.dbFile,
      namespace: opts.namespace,
      log: { format: 'pretty', level: 'warn' },
      extraArgs: sqlitePragmaArgs(opts.dbFile),
    },
  });
  let stopping: Promise<void> | undefined;
  return {
    address: env.address,
    uiUrl: uiPort === null ? null : `http://127.0.0.1:${uiPort}`,
    stop: () => (stopping ??= env.teardown()),
  };
}
