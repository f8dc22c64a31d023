import { jsonLines, runOwnStack, SMOKE_TIMEOUT_MS } from './smokeRun';

test('npm run drill: concurrent duplicates make one case, and a killed worker loses no case and pays no refund twice', async () => {
  const args = ['--quick', '--only', 'duplicates,worker-kill', '--cases', '20', '--worker-down-s', '1'];
  const results = jsonLines(await runOwnStack('scripts/drill/main.ts', args));

  expect(results).toEqual([
    expect.objectContaining({ drill: 'duplicates', ok: true, answered: { 201: 50 }, started: 1, completed: 1, lost: 0, duplicated: 0 }),
    expect.objectContaining({ drill: 'worker-kill', ok: true, started: 20, completed: 20, lost: 0, duplicated: 0 }),
  ]);
  // The kill came while cases were in flight (each takes seconds of partner steps), and the drill
  // says at which stages it caught them.
  const killed = results[1] as { stagesAtFault: Record<string, number>; inFlightAtFault: number };
  expect(killed.inFlightAtFault).toBeGreaterThan(0);
  expect(Object.keys(killed.stagesAtFault).length).toBeGreaterThan(0);
}, SMOKE_TIMEOUT_MS);
