import type { Pool } from 'pg';
import pino from 'pino';
import { createLogger } from '../../config/logger';
import { returnPolicy, type ReturnPolicy } from '../../workflows/returns/policy';
import { createPool } from '../../db/pool';
import { startTracing } from '../../tracing/processTracing';
import { installRuntimeLogger } from '../../worker/runtimeLogger';
import { privateRun } from '../load/privateRun';
import { ServiceClient } from '../load/serviceClient';
import { workerProcessFor } from '../load/workerProcess';
import { startStack, type Stack } from '../stack';
import { type BareTemporal, startBareTemporal } from './bareWorker';

/** The standard rules, with a survey window short enough that a refund closes right after it is paid. */
const benchPolicy: ReturnPolicy = { ...returnPolicy.profiles.standard, version: 'returns/bench', surveyWindowMs: 10 };

export interface Bench {
  runId: string;
  stack: Stack;
  bare: BareTemporal;
  service: ServiceClient;
  /** For reading the projection: how many cases reached a status. */
  pool: Pool;
  /** Every case the run opened, in order; the index of the next one gives it a customer of its own. */
  caseIds: string[];
  progress: (message: string) => void;
  /** The worker process's id; null when the worker runs in this process. */
  workerPid(): number | null;
  stop(): Promise<void>;
}

/**
 * The service with the simulator answering at once, and next to it the bare baseline on the same
 * Temporal server (in memory). API and simulator run in this process; the worker runs as deployed,
 * in a process of its own (worker/main.ts, logging at info to the run's folder), or with
 * `workerPlace` 'in-process' beside the API, as `npm start` runs it. PostgreSQL is embedded unless
 * DATABASE_URL is set; with an OTLP endpoint set, the API and worker are traced.
 */
export async function startBench(progress: (message: string) => void, workerPlace: string): Promise<Bench> {
  const run = await privateRun('bench');
  // Logs go to stderr with the progress: stdout carries the figures, one JSON object per line.
  const logger = createLogger({ level: run.config.LOG_LEVEL, name: 'bench', destination: pino.destination(2) });
  installRuntimeLogger(logger, []);
  // Off unless an OTLP endpoint is configured; the worker process is traced with this one.
  const tracing = startTracing(run.config, 'after-sales-api');
  const stack = await startStack({
    config: run.config,
    logger,
    onProgress: progress,
    ephemeralTemporal: true,
    policies: { returns: benchPolicy },
    simulator: { autopilot: true, delays: { pickupMs: 0, deliveryMs: 0, inspectionMs: 0 } },
    inProcessWorker: workerPlace === 'in-process',
  });
  const stops: (() => Promise<unknown>)[] = [() => stack.stop(), async () => tracing?.shutdown()];
  const stop = async () => {
    for (const step of stops.splice(0)) await step();
  };
  try {
    const worker = workerPlace === 'in-process' ? null : workerProcessFor(run.config, stack, run.dataDir, progress);
    if (worker) {
      progress('starting the worker as a process of its own');
      stops.unshift(() => worker.stop());
      await worker.start();
    }
    progress('starting the bare baseline worker');
    const bare = await startBareTemporal(stack.temporalAddress, run.config.TEMPORAL_NAMESPACE, `${run.runId}-bare`);
    stops.unshift(() => bare.stop());
    const pool = createPool(stack.databaseUrl, 2);
    stops.unshift(() => pool.end());
    if (!stack.simulatorUrl) throw new Error('the bench needs the simulator, yet the stack started none');
    const service = new ServiceClient(stack.apiUrl, stack.simulatorUrl, stack.webhookSecret, stack.tokens);
    const workerPid = () => worker?.pid ?? null;
    return { runId: run.runId, stack, bare, service, pool, caseIds: [], progress, workerPid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
