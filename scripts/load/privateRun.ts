import { rmSync } from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../../config/env';
import { WORKER_CAPACITY_SETTINGS } from '../../worker/createWorker';
import { freePort } from '../net';

export interface PrivateRun {
  /** Tells this run's customers, orders and task queues apart from any other run's. */
  runId: string;
  dataDir: string;
  config: Config;
}

/** What a measuring run takes from the environment; everything else is its own (fresh ports, the simulator). */
const PASSED_THROUGH = [
  // An operator's own cluster and database: the bench and the drill measure those instead.
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'DATABASE_URL',
  'DATABASE_POOL_MAX',
  'TEMPORAL_CLI_PATH',
  'LOG_LEVEL',
  'INTAKE_MAX_IN_FLIGHT',
  'TEMPORAL_METRICS_PORT',
  ...WORKER_CAPACITY_SETTINGS,
  // A collector: the run's processes are then traced, and the bench measures the service so.
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
] as const;

/**
 * The configuration of a private stack for the bench or the drill: free ports on 127.0.0.1, its
 * own Temporal, the simulator for every partner, and a data folder of its own under data/ (as
 * root, PostgreSQL runs as the postgres user, which cannot enter a private 0700 temp directory).
 * The folder goes when the process exits, however it exits: embedded PostgreSQL's own signal hook
 * ends the process on Ctrl-C before an orderly stop could get to it.
 */
export async function privateRun(name: string): Promise<PrivateRun> {
  const runId = `${name}-${Date.now().toString(36)}`;
  const dataDir = path.resolve('data', `${name}-${process.pid}`);
  const passed = Object.fromEntries(PASSED_THROUGH.flatMap((key) => (process.env[key] ? [[key, process.env[key]]] : [])));
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ...passed,
    API_HOST: '127.0.0.1',
    API_PORT: '0',
    DATA_DIR: dataDir,
    TEMPORAL_DEV_PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: runId,
    // One client drives the whole run: a per-client budget would measure the limiter, not the service.
    RATE_LIMIT_INTAKE: '1000000',
    RATE_LIMIT_WEBHOOKS: '1000000',
  });
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  return { runId, dataDir, config };
}
