import path from 'node:path';
import type { Pool } from 'pg';
import pino from 'pino';
import type { Config } from '../../config/env';
import { createLogger } from '../../config/logger';
import { returnPolicy, type ReturnPolicy } from '../../workflows/returns/policy';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../db/embeddedPostgres';
import { createPool } from '../../db/pool';
import { installRuntimeLogger } from '../../worker/runtimeLogger';
import { privateRun } from '../load/privateRun';
import { ServiceClient } from '../load/serviceClient';
import { startStack, type Stack } from '../stack';
import { type DevServer, startTemporalDevServer } from '../temporal/devServer';
import { resolveTemporalCli } from '../temporal/resolveCli';
import { type WorkerProcess, workerProcessFor } from '../load/workerProcess';

/** Cases close soon after their refund: the survey window is the only wait left. */
const drillPolicy: ReturnPolicy = { ...returnPolicy.profiles.standard, version: 'returns/drill', surveyWindowMs: 500 };
/**
 * Each partner step 1.5 s after the last: a case takes longer (three steps, the refund, then the
 * survey window) than a cohort of 500 takes to submit on 2 cores, so when a fault comes after the
 * last submission the whole cohort is in flight, from just requested to delivered.
 */
const PARTNER_DELAY_MS = 1_500;

export interface Drill {
  runId: string;
  /** The private run's configuration and data folder, for services a drill starts of its own. */
  config: Config;
  dataDir: string;
  stack: Stack;
  service: ServiceClient;
  /** The drill's own connections, for counting what the projection shows. */
  pool: Pool;
  worker: WorkerProcess;
  /** Null when Temporal is external (TEMPORAL_ADDRESS): the drill cannot restart someone else's cluster. */
  restartTemporal: (() => Promise<void>) | null;
  /** Null when PostgreSQL is external (DATABASE_URL): the drill cannot stop someone else's server. */
  postgres: { stop(): Promise<void>; start(): Promise<void> } | null;
  progress: (message: string) => void;
  stop(): Promise<void>;
}

/**
 * The service with every part a drill breaks under its control: a Temporal dev server persisting
 * to a file (so it can be restarted with its history), an embedded PostgreSQL it can stop, and the
 * worker as a child process it can kill. With TEMPORAL_ADDRESS or DATABASE_URL the drill runs
 * against that cluster or database instead, and skips the fault it cannot stage there. API and
 * simulator run in this process, as `npm start` runs them.
 */
export async function startDrill(progress: (message: string) => void): Promise<Drill> {
  const run = await privateRun('drill');
  const { config, dataDir } = run;
  // Logs go to stderr with the progress: stdout carries the results, one JSON object per line.
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'drill', destination: pino.destination(2) });
  installRuntimeLogger(logger, []);
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.splice(0)) await step();
  };
  try {
    const cli = await resolveTemporalCli({ explicitPath: config.TEMPORAL_CLI_PATH, onProgress: progress });
    const startTemporal = () =>
      startTemporalDevServer({
        cli,
        port: config.TEMPORAL_DEV_PORT,
        uiPort: null,
        dbFile: path.join(dataDir, 'temporal.db'),
        namespace: config.TEMPORAL_NAMESPACE,
        logFile: path.join(dataDir, 'temporal.log'),
        onProgress: progress,
      });
    let temporal: DevServer | null = config.TEMPORAL_ADDRESS ? null : await startTemporal();
    if (temporal) stops.unshift(() => temporal!.stop());
    const temporalAddress = config.TEMPORAL_ADDRESS ?? temporal!.address;

    const startPostgres = () =>
      startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: config.EMBEDDED_POSTGRES_PORT, onProgress: progress });
    let postgres: EmbeddedPostgres | null = config.DATABASE_URL ? null : await startPostgres();
    if (postgres) stops.unshift(() => postgres!.stop());
    const databaseUrl = config.DATABASE_URL ?? postgres!.databaseUrl;

    const stack = await startStack({
      config: { ...config, TEMPORAL_ADDRESS: temporalAddress, DATABASE_URL: databaseUrl },
      logger,
      onProgress: progress,
      policies: { returns: drillPolicy },
      simulator: { autopilot: true, delays: { pickupMs: PARTNER_DELAY_MS, deliveryMs: PARTNER_DELAY_MS, inspectionMs: PARTNER_DELAY_MS } },
      inProcessWorker: false,
    });
    stops.unshift(() => stack.stop());
    if (!stack.simulatorUrl) throw new Error('the drill needs the simulator, yet the stack started none');

    const worker = workerProcessFor(config, stack, dataDir, progress);
    progress('starting the worker as a child process');
    stops.unshift(() => worker.stop());
    await worker.start();

    const pool = createPool(databaseUrl, 2);
    stops.unshift(() => pool.end());
    return {
      runId: run.runId,
      config,
      dataDir,
      stack,
      service: new ServiceClient(stack.apiUrl, stack.simulatorUrl, stack.webhookSecret, stack.tokens),
      pool,
      worker,
      restartTemporal:
        temporal &&
        (async () => {
          await temporal!.stop();
          temporal = await startTemporal();
        }),
      postgres: postgres && {
        stop: () => postgres!.stop(),
        start: async () => {
          postgres = await startPostgres();
        },
      },
      progress,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
