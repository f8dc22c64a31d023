import type { PayloadCodec, WorkerDeploymentVersion } from '@temporalio/common';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Activities } from '../activities/types';
import type { Config } from '../config/env';
import { tracingActivityInterceptors, workflowTracingSinks } from '../tracing/temporal';
import { deploymentOptions } from './versioning';
import type { WorkflowSource } from './workflowSource';

interface CaseWorkerSettings {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** Must match the clients' codec: the worker decrypts what they start and encrypts what it records. */
  payloadCodec: PayloadCodec;
  /** Slots and cache from the configuration; unset ones keep the SDK's defaults. */
  capacity?: WorkerCapacity;
  /** The worker deployment version it joins (worker/versioning.ts); none: unversioned. */
  version?: WorkerDeploymentVersion;
}

/**
 * The workflows: a prebuilt bundle (tests build one per run, the local stack caches them), or
 * those the worker bundles at start, for a worker that traces or not as its configuration says
 * (worker/workflowSource.ts).
 */
type CaseWorkflows = { workflowBundlePath: string; workflowSource?: never } | { workflowBundlePath?: never; workflowSource: WorkflowSource };

export type CaseWorkerOptions = CaseWorkerSettings & CaseWorkflows;

/** Each setting that sizes a worker, and the SDK option it sets; unset, the SDK's default holds. */
const CAPACITY_OPTIONS = {
  WORKER_MAX_WORKFLOW_TASKS: 'maxConcurrentWorkflowTaskExecutions',
  WORKER_MAX_LOCAL_ACTIVITIES: 'maxConcurrentLocalActivityExecutions',
  WORKER_MAX_ACTIVITIES: 'maxConcurrentActivityTaskExecutions',
  WORKER_MAX_CACHED_WORKFLOWS: 'maxCachedWorkflows',
} as const satisfies Record<string, keyof WorkerOptions>;

/** What starts a worker (a process of its own, a stack) passes these settings on. */
export const WORKER_CAPACITY_SETTINGS = Object.keys(CAPACITY_OPTIONS) as (keyof typeof CAPACITY_OPTIONS)[];

export type WorkerCapacity = Partial<Pick<Config, keyof typeof CAPACITY_OPTIONS>>;

function capacityOptions(capacity: WorkerCapacity = {}): Partial<WorkerOptions> {
  return Object.fromEntries(
    WORKER_CAPACITY_SETTINGS.flatMap((setting) => (capacity[setting] === undefined ? [] : [[CAPACITY_OPTIONS[setting], capacity[setting]]])),
  );
}

/** The one worker shape production, the local stack and the tests all run. */
export function createCaseWorker(opts: CaseWorkerOptions): Promise<Worker> {
  const workflows =
    opts.workflowBundlePath === undefined
      ? { workflowsPath: opts.workflowSource.workflowsPath, bundlerOptions: { preloadModules: opts.workflowSource.preloadModules } }
      : { workflowBundle: { codePath: opts.workflowBundlePath } };
  // A prebuilt bundle has its workflow interceptor module in it already.
  const workflowModules = opts.workflowSource?.workflowInterceptorModules ?? [];
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: opts.activities,
    dataConverter: { payloadCodecs: [opts.payloadCodec] },
    ...workflows,
    ...capacityOptions(opts.capacity),
    ...deploymentOptions(opts.version),
    interceptors: { activity: tracingActivityInterceptors, workflowModules },
    // Called by the workflows that run with the tracing interceptors, whichever bundle runs them.
    sinks: workflowTracingSinks(),
    // Long enough for an in-flight partner call to finish on SIGTERM; the rest retry elsewhere.
    shutdownGraceTime: '10 seconds',
  });
}
