import { type NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../activities/types';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** A prebuilt workflow bundle (tests build one per run); otherwise the worker bundles at start. */
  workflowBundlePath?: string;
}

/** The one worker shape production, the local stack and the tests all run. */
export function createCaseWorker(opts: CaseWorkerOptions): Promise<Worker> {
  const workflows = opts.workflowBundlePath
    ? { workflowBundle: { codePath: opts.workflowBundlePath } }
    : { workflowsPath: require.resolve('../workflows') };
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: opts.activities,
    ...workflows,
    // Long enough for an in-flight partner call to finish on SIGTERM; the rest retry elsewhere.
    shutdownGraceTime: '10 seconds',
  });
}
