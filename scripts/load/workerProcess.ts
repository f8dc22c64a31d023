import path from 'node:path';
import type { WorkerDeploymentVersion } from '@temporalio/common';
import { type Config, EnvSchema } from '../../config/env';
import { formatPayloadKeys } from '../../config/payloadKeys';
import { tracingEnv } from '../../tracing/settings';
import { WORKER_CAPACITY_SETTINGS } from '../../worker/createWorker';
import type { Stack } from '../stack';
import { ServiceProcess } from './serviceProcess';

/** What worker/main.ts logs right before it starts polling. */
const READY_MESSAGE = '"msg":"worker polling"';

/** The worker as a child process (worker/main.ts): the fault drills kill it, the bench measures it. */
export type WorkerProcess = ServiceProcess;

/** A worker of its own kind: on another task queue than the stack's, of a build of a worker deployment (docs/versioning.md). */
export interface WorkerProcessOptions {
  taskQueue?: string;
  version?: WorkerDeploymentVersion;
}

/**
 * The worker process for a stack started without its own worker: its output goes to
 * `dataDir`/worker.log (worker-<build>.log for a build's), and an exit nobody asked for is
 * reported through `progress`.
 */
export function workerProcessFor(
  config: Config,
  stack: Stack,
  dataDir: string,
  progress: (message: string) => void,
  opts: WorkerProcessOptions = {},
): WorkerProcess {
  const build = opts.version?.buildId;
  return new ServiceProcess({
    name: build ? `the worker of build ${build}` : 'the worker',
    entry: 'worker/main.ts',
    readyMessage: READY_MESSAGE,
    env: workerEnv(config, stack, opts),
    // WORKER_NODE_OPTIONS reaches the worker alone: `--cpu-prof --cpu-prof-dir=<dir>` profiles it during a run.
    nodeOptions: process.env.WORKER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [],
    logFile: path.join(dataDir, build ? `worker-${build}.log` : 'worker.log'),
    onUnexpectedExit: (detail) => progress(`UNEXPECTED: ${detail}`),
  });
}

/**
 * What worker/main.ts needs to join the stack; every partner URL the configuration knows (they
 * all end in _URL, like the database's and the public one, which are not partners) points at the
 * stack's simulator.
 */
function workerEnv(config: Config, stack: Stack, opts: WorkerProcessOptions): Record<string, string> {
  if (!stack.simulatorUrl) throw new Error('a worker process joins a stack that plays the partners itself');
  const simulatorUrl = stack.simulatorUrl;
  const partnerUrls = Object.keys(EnvSchema.shape)
    .filter((key) => key.endsWith('_URL') && key !== 'DATABASE_URL' && key !== 'PUBLIC_BASE_URL')
    .map((key) => [key, simulatorUrl]);
  return {
    ...Object.fromEntries(partnerUrls),
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: opts.taskQueue ?? config.TEMPORAL_TASK_QUEUE,
    ...(opts.version && { WORKER_DEPLOYMENT_NAME: opts.version.deploymentName, WORKER_BUILD_ID: opts.version.buildId }),
    DATABASE_URL: stack.databaseUrl,
    DATABASE_POOL_MAX: String(config.DATABASE_POOL_MAX),
    ...Object.fromEntries(WORKER_CAPACITY_SETTINGS.flatMap((key) => (config[key] === undefined ? [] : [[key, String(config[key])]]))),
    ...(config.TEMPORAL_METRICS_PORT !== undefined && { TEMPORAL_METRICS_PORT: String(config.TEMPORAL_METRICS_PORT) }),
    // The worker must decrypt what the stack's client encrypts.
    PAYLOAD_KEYS: formatPayloadKeys(stack.payloadKeys),
    ...tracingEnv(config),
  };
}
