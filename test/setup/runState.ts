import type { DevServer } from '../../scripts/temporal/devServer';
import type { TestDatabase } from './testDatabase';

/** What globalSetup started and globalTeardown must stop; both run in jest's parent process. */
export interface TestRun {
  scratchDir: string;
  temporal?: DevServer;
  database?: TestDatabase;
}

const KEY = Symbol.for('after-sales-orchestrator.test-run');
type Holder = { [KEY]?: TestRun };

export function saveTestRun(run: TestRun): void {
  (globalThis as Holder)[KEY] = run;
}

export function takeTestRun(): TestRun | undefined {
  const holder = globalThis as Holder;
  const run = holder[KEY];
  delete holder[KEY];
  return run;
}
