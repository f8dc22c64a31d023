import { writeFile } from 'node:fs/promises';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { workflowSource } from '../../worker/workflowSource';

/**
 * Bundles the workflows once per run: every worker a test starts would otherwise run webpack again,
 * which costs seconds each on two cores.
 */
export async function writeWorkflowBundle(file: string): Promise<void> {
  const { code } = await bundleWorkflowCode({
    ...workflowSource,
    // Webpack's per-bundle summary is noise here; its warnings and errors are not.
    logger: new DefaultLogger('WARN'),
  });
  await writeFile(file, code);
}
