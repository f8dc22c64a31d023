import { writeFile } from 'node:fs/promises';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { type WorkflowSource, workflowSource } from '../../worker/workflowSource';

/** The API tests' stand-in workflows (test/api/support/apiHarness.ts); they preload nothing and are not traced. */
export const apiStandInSource: WorkflowSource = {
  workflowsPath: require.resolve('../api/support/apiTestWorkflow'),
  preloadModules: [],
  workflowInterceptorModules: [],
};

/**
 * Bundles workflows once per run: every worker a test starts would otherwise run webpack again,
 * which costs seconds each on two cores (and on a loaded machine has failed outright). By default
 * those of a worker that does not trace, as production runs by default.
 */
export async function writeWorkflowBundle(file: string, source: WorkflowSource = workflowSource): Promise<void> {
  const { code } = await bundleWorkflowCode({
    ...source,
    // Webpack's per-bundle summary is noise here; its warnings and errors are not.
    logger: new DefaultLogger('WARN'),
  });
  await writeFile(file, code);
}
