import { randomUUID } from 'node:crypto';

/** What test/globalSetup.ts provides to every test file of the run, through the environment. */
export interface TestEnv {
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  workflowBundlePath: string;
  /** The API tests' stand-in workflows (test/api/support/apiTestWorkflow.ts). */
  apiWorkflowBundlePath: string;
}

const VARIABLES = {
  temporalAddress: 'TEMPORAL_ADDRESS',
  namespace: 'TEMPORAL_NAMESPACE',
  databaseUrl: 'DATABASE_URL',
  workflowBundlePath: 'WORKFLOW_BUNDLE_PATH',
  apiWorkflowBundlePath: 'API_WORKFLOW_BUNDLE_PATH',
} as const satisfies Record<keyof TestEnv, string>;

export function testEnv(): TestEnv {
  const entries = Object.entries(VARIABLES).map(([key, name]) => [key, process.env[name]] as const);
  const missing = entries.filter(([, value]) => !value).map(([key]) => VARIABLES[key as keyof TestEnv]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not set: run tests through jest with jest.config.js, whose globalSetup provides them`,
    );
  }
  return Object.fromEntries(entries) as unknown as TestEnv;
}

/**
 * Test files share one Temporal server and run in parallel; a task queue of their own keeps one
 * file's workers from picking up another file's workflows.
 */
export function uniqueTaskQueue(name: string): string {
  return `${name}-${randomUUID().slice(0, 8)}`;
}
