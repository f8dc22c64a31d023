import { runMain } from './load/runMain';
import { withDemoStack } from './demo/demoStack';
import { report, runScenarios } from './demo/runner';
import { printKpis } from './demo/kpiSummary';
import { demoScenarios } from './demo/scenarios';
import { progressPrinter } from './progress';

const DEMO_DEADLINE_MS = 4 * 60_000;

/**
 * `npm run demo`: a private stack (in-memory Temporal, a throwaway PostgreSQL, the simulator on
 * autopilot), a handful of cases from different channels, their timelines as they move, and
 * what the KPI report makes of them.
 */
runMain(() => {
  const progress = progressPrinter('demo');
  const delays = { pickupMs: 1_500, deliveryMs: 1_500, inspectionMs: 1_500 };
  return withDemoStack('demo', { delays }, progress, async (stack) => {
    const since = new Date();
    const verdict = report(await runScenarios(stack, demoScenarios(), progress, DEMO_DEADLINE_MS), progress);
    await printKpis(stack, since, progress);
    return verdict;
  });
});
