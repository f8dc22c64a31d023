import { runMain } from './load/runMain';
import { withDemoStack } from './demo/demoStack';
import { report, runScenarios } from './demo/runner';
import { demoScenarios } from './demo/scenarios';
import { progressPrinter } from './progress';

const DEMO_DEADLINE_MS = 4 * 60_000;

/**
 * `npm run demo`: a private stack (in-memory Temporal, a throwaway PostgreSQL, the simulator on
 * autopilot), a handful of cases from different channels, and their timelines as they move.
 */
runMain(() => {
  const progress = progressPrinter('demo');
  const delays = { pickupMs: 1_500, deliveryMs: 1_500, inspectionMs: 1_500 };
  return withDemoStack('demo', { delays }, progress, async (stack) =>
    report(await runScenarios(stack, demoScenarios(), progress, DEMO_DEADLINE_MS), progress),
  );
});
