import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { PayloadKeysSetting } from '../../../config/payloadKeys';
import { customerPayloadCodec } from '../../../db/customerKeyRing';
import { createPool } from '../../../db/pool';
import type { FixtureManifest } from '../../../scripts/recordHistories';
import { DATA_KEYS_FILE, importDataKeys } from '../../../scripts/recording/dataKeys';
import { workflowTracingSinks } from '../../../tracing/temporal';
import { processes } from '../../../workflows/registry';
import { testEnv } from '../../support/env';

/**
 * Histories recorded by earlier versions of the workflows (test/fixtures/histories/<recording>/,
 * written by `npm run record-histories`, with the fixtures' own payload key and, since customers
 * have data keys, theirs wrapped by it in data-keys.json), decoded by the codec the worker runs.
 * Today's code must replay each without a nondeterminism error: this is what lets operations ship
 * a process change while cases are in flight. A change that alters the commands an old history ran
 * fails here until it is guarded by `patched()`. The workflows replay as production runs them: with
 * Temporal's OpenTelemetry interceptors in the bundle and the worker's span sink (tracing/temporal.ts).
 */
const FIXTURES = path.join(__dirname, '../../fixtures/histories');

interface Fixture {
  name: string;
  workflowId: string;
  workflowType: string;
  outcome: string | null;
  history: ReturnType<typeof historyFromJSON>;
}

async function recordings(): Promise<string[]> {
  return (await readdir(FIXTURES, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
}

async function recordedHistories(): Promise<Fixture[]> {
  const fixtures = await Promise.all(
    (await recordings()).map(async (recording) => {
      const dir = path.join(FIXTURES, recording);
      const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as FixtureManifest;
      return Promise.all(
        manifest.fixtures.map(async (f) => ({
          name: `${recording}/${f.file}`,
          workflowId: f.workflowId,
          workflowType: f.workflowType,
          outcome: f.outcome,
          history: historyFromJSON(JSON.parse(await readFile(path.join(dir, f.file), 'utf8'))),
        })),
      );
    }),
  );
  return fixtures.flat();
}

let fixtures: Fixture[];

beforeAll(async () => {
  fixtures = await recordedHistories();
});

test('every recorded history of an earlier version replays on the current workflows', async () => {
  const keys = PayloadKeysSetting.parse((await readFile(path.join(FIXTURES, 'payload-key.txt'), 'utf8')).trim());
  const pool = createPool(testEnv().databaseUrl, 2);
  for (const recording of await recordings()) {
    const dataKeys = path.join(FIXTURES, recording, DATA_KEYS_FILE);
    if (existsSync(dataKeys)) await importDataKeys(pool, dataKeys);
  }
  const { payloadCodec } = customerPayloadCodec(pool, keys, 60_000);
  const byWorkflowId = new Map(fixtures.map((f) => [f.workflowId, f.name]));
  const failures: string[] = [];
  let replayed = 0;
  // The bundle is production's (worker/workflowSource.ts), tracing interceptors and all, and its
  // span sink is the worker's: what a replay exports is counted, and must be nothing.
  const bundle = testEnv().workflowBundlePath;
  expect(await readFile(bundle, 'utf8')).toContain('OpenTelemetryInboundInterceptor');
  const { exporter } = workflowTracingSinks();
  let spansExported = 0;
  const countingExporter = {
    export: {
      ...exporter.export,
      fn: (...args: Parameters<typeof exporter.export.fn>) => {
        spansExported += args[1].length;
        return exporter.export.fn(...args);
      },
    },
  };
  const results = Worker.runReplayHistories(
    {
      workflowBundle: { codePath: bundle },
      dataConverter: { payloadCodecs: [payloadCodec] },
      sinks: { exporter: countingExporter },
      replayName: 'recorded histories',
    },
    fixtures.map(({ workflowId, history }) => ({ workflowId, history })),
  );
  for await (const result of results) {
    replayed += 1;
    if (result.error) failures.push(`${byWorkflowId.get(result.workflowId)}: ${result.error.message}`);
  }
  await pool.end();
  expect(failures).toEqual([]);
  expect(replayed).toBe(fixtures.length);
  expect(spansExported).toBe(0);
  // Hundreds of histories: about a minute on a quiet 2-core machine, and more while other suites share it.
}, 300_000);

test('the recordings cover every registered process through every outcome but failure, and escalations', () => {
  const covered = new Set(fixtures.map((f) => `${f.workflowType}:${f.outcome}`));
  // A failure needs a partner refusing for good; the workflow tests cover those paths.
  const expected = processes.flatMap((p) => p.outcomes.filter((o) => o !== 'failed').map((o) => `${p.workflowType}:${o}`));
  expect(expected.filter((e) => !covered.has(e))).toEqual([]);
  expect(fixtures.filter((f) => f.workflowType === 'escalation').map((f) => f.outcome)).toEqual(
    expect.arrayContaining(['unanswered', expect.stringMatching(/^acknowledged at /)]),
  );
});
