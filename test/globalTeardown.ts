import { progressPrinter } from '../scripts/progress';
import { disposeTestRun } from './setup/disposeTestRun';
import { takeTestRun } from './setup/runState';

export default async function globalTeardown(): Promise<void> {
  const run = takeTestRun();
  if (!run) return;
  const say = progressPrinter('test teardown');
  await disposeTestRun(run);
  say('stopped the Temporal dev server and the test database, removed the scratch files');
}
