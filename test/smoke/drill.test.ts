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
