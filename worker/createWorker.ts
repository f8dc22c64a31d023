import type { PayloadCodec } from '@temporalio/common';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../activities/types';
import type { Config } from '../config/env';
import { workflowSource } from './workflowSource';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** Must match the clients' codec: the worker decrypts what they start and encrypts what it records. */
  payloadCodec: PayloadCodec;
  /** A prebuilt workflow bundle (tests build one per run); otherwise the worker bundles at start. */
  workflowBundlePath?: string;
  /** Slots and cache from the configuration; unset ones keep the SDK's defaults. */
  capacity?: WorkerCapacity;
}

export type WorkerCapacity = Partial<
  Pick<Config, 'WORKER_MAX_WORKFLOW_TASKS' | 'WORKER_MAX_LOCAL_ACTIVITIES' | 'WORKER_MAX_ACTIVITIES' | 'WORKER_MAX_CACHED_WORKFLOWS'>
>;

function capacityOptions(capacity: WorkerCapacity = {}) {
  const { WORKER_MAX_WORKFLOW_TASKS: tasks, WORKER_MAX_LOCAL_ACTIVITIES: local, WORKER_MAX_ACTIVITIES: remote, WORKER_MAX_CACHED_WORKFLOWS: cached } =
    capacity;
  return {
    ...(tasks !== undefined && { maxConcurrentWorkflowTaskExecutions: tasks }),
    ...(local !== undefined && { maxConcurrentLocalActivityExecutions: local }),
    ...(remote !== undefined && { maxConcurrentActivityTaskExecutions: remote }),
    ...(cached !== undefined && { maxCachedWorkflows: cached }),
  };
}

/** The one worker shape production, the local stack and the tests all run. */
export function createCaseWorker(opts: CaseWorkerOptions): Promise<Worker> {
  const workflows = opts.workflowBundlePath
    ? { workflowBundle: { codePath: opts.workflowBundlePath } }
    : { workflowsPath: workflowSource.workflowsPath, bundlerOptions: { preloadModules: workflowSource.preloadModules } };
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: opts.activities,
    dataConverter: { payloadCodecs: [opts.payloadCodec] },
    ...workflows,
    ...capacityOptions(opts.capacity),
    // Long enough for an in-flight partner call to finish on SIGTERM; the rest retry elsewhere.
    shutdownGraceTime: '10 seconds',
  });
}
