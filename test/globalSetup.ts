import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase } from '../db/migrate';
import { formatElapsed } from '../scripts/elapsed';
import { progressPrinter } from '../scripts/progress';
import { startTemporalDevServer } from '../scripts/temporal/devServer';
import { resolveTemporalCli } from '../scripts/temporal/resolveCli';
import { ensureWebBuild } from '../scripts/web/build';
import { disposeTestRun } from './setup/disposeTestRun';
import { saveTestRun, type TestRun } from './setup/runState';
import { createTestDatabase } from './setup/testDatabase';
import { TEST_LOG_FILE } from './setup/testLog';
import { apiStandInSource, writeWorkflowBundle } from './setup/workflowBundle';

const NAMESPACE = 'default';

/**
 * One Temporal dev server, one fresh migrated database and the workflow bundles for the whole run,
 * handed to the test files (separate processes) through the environment; see test/support/env.ts.
 */
export default async function globalSetup(): Promise<void> {
  const say = progressPrinter('test setup');
  const run: TestRun = { scratchDir: await mkdtemp(join(tmpdir(), 'aso-test-')) };
  const bundlePath = join(run.scratchDir, 'workflow-bundle.js');
  const apiBundlePath = join(run.scratchDir, 'api-workflow-bundle.js');
  // Independent and each several seconds long, so they overlap; allSettled so that nothing one of
  // them started is left running when another fails.
  const steps = await Promise.allSettled([
    (async () => {
      const cli = await resolveTemporalCli({ explicitPath: process.env.TEMPORAL_CLI_PATH, onProgress: say });
      run.temporal = await startTemporalDevServer({ cli, port: 0, uiPort: null, namespace: NAMESPACE, onProgress: say });
    })(),
    timed('database', say, async () => {
      run.database = await createTestDatabase({
        serverUrl: process.env.DATABASE_URL,
        scratchDir: run.scratchDir,
        onProgress: say,
      });
      await migrateDatabase(run.database.databaseUrl);
    }),
    // One after the other: two webpack runs at once only compete for the same cores.
    timed('workflow bundles', say, async () => {
      await writeWorkflowBundle(bundlePath);
      await writeWorkflowBundle(apiBundlePath, apiStandInSource);
    }),
    // The browser tests load the pages the API serves: those of the current sources.
    ensureWebBuild(say),
  ]);
  const failures = steps.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason);
  if (failures.length > 0 || !run.temporal || !run.database) {
    await disposeTestRun(run).catch((error: unknown) => failures.push(error));
    throw failures.length === 1 ? failures[0] : new AggregateError(failures, 'test setup failed');
  }

  // Each run's log starts empty; the file stays after the run for whoever needs it.
  await writeFile(TEST_LOG_FILE, '');
  process.env.TEST_LOG_FILE = TEST_LOG_FILE;
  saveTestRun(run);
  process.env.TEMPORAL_ADDRESS = run.temporal.address;
  process.env.TEMPORAL_NAMESPACE = NAMESPACE;
  process.env.DATABASE_URL = run.database.databaseUrl;
  process.env.WORKFLOW_BUNDLE_PATH = bundlePath;
  process.env.API_WORKFLOW_BUNDLE_PATH = apiBundlePath;
}

async function timed(what: string, say: (msg: string) => void, step: () => Promise<void>): Promise<void> {
  const startedAt = Date.now();
  await step();
  say(`${what} ready in ${formatElapsed(Date.now() - startedAt)}`);
}
