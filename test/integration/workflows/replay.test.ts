import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PayloadCodec } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { type InjectedSinks, Worker } from '@temporalio/worker';
import type { WorkflowInfo } from '@temporalio/workflow';
import type { Pool } from 'pg';
import { PayloadKeysSetting } from '../../../config/payloadKeys';
import { customerPayloadCodec } from '../../../db/customerKeyRing';
import { createPool } from '../../../db/pool';
import type { FixtureManifest } from '../../../scripts/recordHistories';
import { DATA_KEYS_FILE, importDataKeys } from '../../../scripts/recording/dataKeys';
import { workflowTracingSinks } from '../../../tracing/temporal';
import { tracedWorkflowSource } from '../../../worker/workflowSource';
import { processes } from '../../../workflows/registry';
import { writeWorkflowBundle } from '../../setup/workflowBundle';
import { testEnv } from '../../support/env';

/**
 * Histories recorded by earlier versions of the workflows (test/fixtures/histories/<recording>/,
 * written by `npm run record-histories`, with the fixtures' own payload key and, since customers
 * have data keys, theirs wrapped by it in data-keys.json), decoded by the codec the worker runs.
 * Today's code must replay each without a nondeterminism error: this is what lets operations ship
 * a process change while cases are in flight. A change that alters the commands an old history ran
 * fails here until it is guarded by `patched()`. The workflows replay as production runs them, both
 * ways (worker/workflowSource.ts): with tracing on, Temporal's OpenTelemetry interceptors in the
 * bundle and the worker's span sink (tracing/temporal.ts); with tracing off, without them. A case
 * moves between the two whenever tracing is turned on or off.
 */
const FIXTURES = path.join(__dirname, '../../fixtures/histories');
/**
 * Recorded while every bundle had the tracing interceptors, one case of every process and one run of
 * each scheduled job: the cases a worker without them takes over when tracing is turned off.
 */
const INTERCEPTED_RECORDING = 'worker-versioning-01a350c';
/** Recorded by a worker that does not trace: every workflow in it started without the interceptors. */
const UNTRACED_RECORDING = 'untraced-workflows-ad68136';
/** The patch marker such a workflow records (tracing/workflowInterceptors.ts). */
const UNTRACED_MARKER = 'workflow-untraced';

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
let pool: Pool;
let payloadCodec: PayloadCodec;
let scratch: string;
/** What a worker runs with tracing on: the workflows with Temporal's OpenTelemetry interceptors. */
let tracedBundle: string;

beforeAll(async () => {
  fixtures = await recordedHistories();
  const keys = PayloadKeysSetting.parse((await readFile(path.join(FIXTURES, 'payload-key.txt'), 'utf8')).trim());
  pool = createPool(testEnv().databaseUrl, 2);
  for (const recording of await recordings()) {
    const dataKeys = path.join(FIXTURES, recording, DATA_KEYS_FILE);
    if (existsSync(dataKeys)) await importDataKeys(pool, dataKeys);
  }
  ({ payloadCodec } = customerPayloadCodec(pool, keys, 60_000));
  scratch = await mkdtemp(path.join(tmpdir(), 'aso-replay-'));
  tracedBundle = path.join(scratch, 'traced-workflow-bundle.js');
  await writeWorkflowBundle(tracedBundle, tracedWorkflowSource);
}, 120_000);

afterAll(async () => {
  await pool?.end();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Replays the histories on a bundle; what failed, by fixture name. */
async function replay(bundle: string, histories: Fixture[], sinks?: InjectedSinks<OpenTelemetrySinks>): Promise<string[]> {
  const byWorkflowId = new Map(histories.map((f) => [f.workflowId, f.name]));
  const failures: string[] = [];
  let replayed = 0;
  const results = Worker.runReplayHistories(
    { workflowBundle: { codePath: bundle }, dataConverter: { payloadCodecs: [payloadCodec] }, sinks, replayName: 'recorded histories' },
    histories.map(({ workflowId, history }) => ({ workflowId, history })),
  );
  for await (const result of results) {
    replayed += 1;
    if (result.error) failures.push(`${byWorkflowId.get(result.workflowId)}: ${result.error.message}`);
  }
  if (replayed !== histories.length) failures.push(`${histories.length - replayed} histories never replayed`);
  return failures;
}

const startedUntraced = (f: Fixture) =>
  f.history.events!.some((e) => e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.some((p) => Buffer.from(p.data!).toString().includes(UNTRACED_MARKER)));

test('every recorded history of an earlier version replays on the workflows of a worker that traces, exporting nothing', async () => {
  // The worker's own span sink, counting what a replay hands it: it must be nothing.
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
  expect(await replay(tracedBundle, fixtures, { exporter: countingExporter })).toEqual([]);
  expect(spansExported).toBe(0);
  // Hundreds of histories: about a minute on a quiet 2-core machine, and more while other suites share it.
}, 300_000);

/**
 * Of every workflow type, a history started with the interceptors, one started without them
 * (its marker says so), and one recorded before tracing. Off, a worker runs a history without the
 * marker exactly as one that traces does, which the first test replays them all on; what differs
 * is the decision, taken from the marker alone, and these show it for each type. Every history
 * again would be half a minute more for nothing new.
 */
function eachKindOfEveryType(): Fixture[] {
  const beforeTracing = fixtures.filter((f) => !f.name.startsWith(`${INTERCEPTED_RECORDING}/`) && !f.name.startsWith(`${UNTRACED_RECORDING}/`));
  const oneOfEachType = [...new Map(beforeTracing.map((f) => [f.workflowType, f])).values()];
  return [...fixtures.filter((f) => !beforeTracing.includes(f)), ...oneOfEachType];
}

test('the histories replay on the workflows of a worker that does not trace, each with the interceptors if it started with them', async () => {
  const histories = eachKindOfEveryType();
  // A sink that runs on replay too, to see which workflows make spans: those that run with the interceptors.
  const traced = new Set<string>();
  const sinks = { exporter: { export: { fn: (info: WorkflowInfo) => void traced.add(info.workflowId), callDuringReplay: true } } };
  expect(await replay(testEnv().workflowBundlePath, histories, sinks)).toEqual([]);
  expect(histories.filter((f) => traced.has(f.workflowId) === startedUntraced(f)).map((f) => f.name)).toEqual([]);
}, 300_000);

test('the histories include, for every workflow type, some started with the interceptors and some started without them', () => {
  const types = [...new Set(fixtures.map((f) => f.workflowType))].sort();
  const intercepted = fixtures.filter((f) => f.name.startsWith(`${INTERCEPTED_RECORDING}/`));
  const untraced = fixtures.filter((f) => f.name.startsWith(`${UNTRACED_RECORDING}/`));
  expect([...new Set(intercepted.map((f) => f.workflowType))].sort()).toEqual(types);
  expect([...new Set(untraced.map((f) => f.workflowType))].sort()).toEqual(types);
  // The interceptors' trace context in every activity a workflow started with them scheduled; none where the marker says it ran without.
  const traceHeaders = (f: Fixture) =>
    f.history.events!.filter((e) => e.activityTaskScheduledEventAttributes).map((e) => TRACE_HEADER in (e.activityTaskScheduledEventAttributes!.header?.fields ?? {}));
  expect(intercepted.filter((f) => startedUntraced(f) || traceHeaders(f).includes(false)).map((f) => f.name)).toEqual([]);
  expect(untraced.filter((f) => !startedUntraced(f) || traceHeaders(f).includes(true)).map((f) => f.name)).toEqual([]);
  expect(intercepted.flatMap(traceHeaders).length).toBeGreaterThan(0);
});

test('the recordings cover every registered process through every outcome but failure, and escalations', () => {
  const covered = new Set(fixtures.map((f) => `${f.workflowType}:${f.outcome}`));
  // A failure needs a partner refusing for good; the workflow tests cover those paths.
  const expected = processes.flatMap((p) => p.outcomes.filter((o) => o !== 'failed').map((o) => `${p.workflowType}:${o}`));
  expect(expected.filter((e) => !covered.has(e))).toEqual([]);
  expect(fixtures.filter((f) => f.workflowType === 'escalation').map((f) => f.outcome)).toEqual(
    expect.arrayContaining(['unanswered', expect.stringMatching(/^acknowledged at /)]),
  );
});
