import { progressPrinter } from '../scripts/progress';
import { disposeTestRun } from './setup/disposeTestRun';
import { takeTestRun } from './setup/runState';
import { TEST_LOG_FILE } from './setup/testLog';

export default async function globalTeardown(): Promise<void> {
  const run = takeTestRun();
  if (!run) return;
  const say = progressPrinter('test teardown');
  await disposeTestRun(run);
  say('stopped the Temporal dev server and the test database, removed the scratch files');
  say(`what the services under test logged (warnings and errors): ${TEST_LOG_FILE}`);
}
