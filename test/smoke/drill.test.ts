import { ownDatabase } from '../integration/db/ownDatabase';
import { runScript } from '../integration/db/runScript';
import { jsonLines, SMOKE_TIMEOUT_MS } from './smokeRun';

/**
 * The drill as an operator runs it against their own cluster: TEMPORAL_ADDRESS and DATABASE_URL
 * name the test run's Temporal dev server and a database of its own on the test PostgreSQL, which
 * the drill neither starts nor stops.
 */
const database = ownDatabase('drill_smoke');
beforeAll(() => database.create());
afterAll(() => database.drop());

test('npm run drill against a Temporal and a PostgreSQL it does not own: duplicates make one case, a killed worker loses no case and pays no refund twice, a killed API leaves no case without its workflow, and the faults it cannot stage there are skipped', async () => {
  const { WORKFLOW_BUNDLE_PATH, API_WORKFLOW_BUNDLE_PATH, ...env } = process.env;
  const drills = 'duplicates,worker-kill,temporal-restart,postgres-outage,api-killed-during-intake';
  const args = ['--quick', '--only', drills, '--cases', '20', '--worker-down-s', '1'];
  const results = jsonLines(await runScript('scripts/drill/main.ts', args, { ...env, DATABASE_URL: database.url }));

  expect(results).toEqual([
    expect.objectContaining({ drill: 'duplicates', ok: true, answered: { 201: 50 }, started: 1, completed: 1, lost: 0, duplicated: 0 }),
    expect.objectContaining({ drill: 'worker-kill', ok: true, started: 20, completed: 20, lost: 0, duplicated: 0 }),
    { drill: 'temporal-restart', ok: true, skipped: expect.stringContaining('TEMPORAL_ADDRESS') },
    { drill: 'postgres-outage', ok: true, skipped: expect.stringContaining('DATABASE_URL') },
    expect.objectContaining({ drill: 'api-killed-during-intake', ok: true, requests: 20, casesWithoutWorkflow: 0, duplicates: 0, lost: 0 }),
  ]);
  // The kill came while cases were in flight (each takes seconds of partner steps), and the drill
  // says at which stages it caught them.
  const killed = results[1] as { stagesAtFault: Record<string, number>; inFlightAtFault: number };
  expect(killed.inFlightAtFault).toBeGreaterThan(0);
  expect(Object.keys(killed.stagesAtFault).length).toBeGreaterThan(0);
  // Every request was answered 201 or given up on by its client, and each accepted one is a case.
  const apiKill = results[4] as { accepted: number; abandoned: number; cases: number };
  expect(apiKill.accepted + apiKill.abandoned).toBe(20);
  expect(apiKill.cases).toBeGreaterThanOrEqual(apiKill.accepted);
}, SMOKE_TIMEOUT_MS);

test('npm run drill stages the harder faults: payments down while refunds wait on it, one webhook event delivered 200 times, a release deployed while cases are in flight, and a new build ramped and made current under them', async () => {
  const { WORKFLOW_BUNDLE_PATH, API_WORKFLOW_BUNDLE_PATH, ...env } = process.env;
  const drills = 'payments-down,webhook-redelivery,process-change,version-change';
  const args = ['--quick', '--only', drills, '--cases', '20', '--payments-down-s', '10', '--redeliveries', '200'];
  const results = jsonLines(await runScript('scripts/drill/main.ts', args, { ...env, DATABASE_URL: database.url }));

  expect(results).toEqual([
    expect.objectContaining({ drill: 'payments-down', ok: true, started: 20, completed: 20, lost: 0, duplicated: 0 }),
    expect.objectContaining({ drill: 'webhook-redelivery', ok: true, deliveries: 200, inspectionsOnTimeline: 1, refunds: 1, restocks: 1, refundMessages: 1 }),
    expect.objectContaining({ drill: 'process-change', ok: true, started: 24, completed: 24, lost: 0, duplicated: 0, nondeterminismErrors: 0 }),
    expect.objectContaining({ drill: 'version-change', ok: true, started: 28, completed: 28, lost: 0, duplicated: 0, stuck: 0, failed: 0, nondeterminismErrors: 0 }),
  ]);
  // Payments came back to cases that had asked for their refund while it was down.
  const [paymentsDown, redelivery, processChange, versionChange] = results as [
    { stagesAtRepair: Record<string, number> },
    { answered: Record<string, number> },
    { oldRelease: { byPolicyVersion: Record<string, number> }; newRelease: { byPolicyVersion: Record<string, number> } },
    { inFlightAtRamp: number; casesByVersion: Record<'reviewedAfterPromotion' | 'openedAfterPromotion', Record<string, number>> },
  ];
  expect(paymentsDown.stagesAtRepair.refunding).toBeGreaterThan(0);
  // Every delivery was answered, none with a 5xx.
  expect(Object.keys(redelivery.answered).every((status) => Number(status) >= 200 && Number(status) < 500)).toBe(true);
  // The cases in flight finished on the drill's rules they pinned; the new release's cases on its own.
  const oldRules = Object.entries(processChange.oldRelease.byPolicyVersion);
  const newRules = Object.entries(processChange.newRelease.byPolicyVersion);
  expect(oldRules).toEqual([[expect.stringMatching(/^returns\/drill \+ /), 20]]);
  expect(newRules).toEqual([[expect.not.stringMatching(/^returns\/drill /), 4]]);
  // Every case of build A waited for its review when B ramped; the half reviewed once A had stopped
  // finished on B, and the cases opened after the promotion never ran on A (their records say so).
  expect(versionChange.inFlightAtRamp).toBe(20);
  expect(versionChange.casesByVersion.reviewedAfterPromotion).toEqual({ 'A→B': 10 });
  expect(versionChange.casesByVersion.openedAfterPromotion).toEqual({ B: 4 });
}, SMOKE_TIMEOUT_MS);

