import { startCliDevServer } from './cliDevServer';
import type { TemporalCli } from './resolveCli';
import { startSdkDevServer } from './sdkDevServer';

export interface DevServerOptions {
  cli: TemporalCli;
  /** gRPC port; 0 picks a free one. */
  port: number;
  /** Web UI port; 0 or omitted picks a free one, null runs headless. */
  uiPort?: number | null;
  /** SQLite file that keeps workflows across restarts; omitted means in-memory. */
  dbFile?: string;
  namespace: string;
  onProgress?: (msg: string) => void;
  /** Receives the server's own output (CLI binaries only; the SDK keeps its server's output). */
  logFile?: string;
}

export interface DevServer {
  /** host:port for Temporal clients and workers. */
  address: string;
  uiUrl: string | null;
  /** Idempotent. */
  stop(): Promise<void>;
}

/** A local Temporal dev server, ready to accept clients in `namespace` when this resolves. */
export function startTemporalDevServer(opts: DevServerOptions): Promise<DevServer> {
  return opts.cli.kind === 'path' ? startCliDevServer(opts.cli.path, opts) : startSdkDevServer(opts);
}
