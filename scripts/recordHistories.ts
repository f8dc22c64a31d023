import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, type ScheduleHandle, WorkflowNotFoundError } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { createPool } from '../db/pool';
import type { EscalationResult } from '../workflows/escalation/escalation';
import { feedbackWorkflowId } from '../workflows/feedback/input';
import { withDemoStack } from './demo/demoStack';
import { report, runScenarios, type Tracked } from './demo/runner';
import { runMain } from './load/runMain';
import { progressPrinter } from './progress';
import { recordingPolicies } from './recording/policies';
import { DATA_KEYS_FILE, exportDataKeys } from './recording/dataKeys';
import { recordingScenarios } from './recording/scenarios';

/**
 * `npm run record-histories`: runs every process through every outcome the recording scenarios
 * cover, on today's code, and writes each case's workflow history (and those of the escalations
 * it started) to test/fixtures/histories/<label>/, encrypted with the fixtures' own key (cases'
 * payloads with their customers' data keys, kept wrapped by it beside them). The
 * replay test replays every recording on the current code, so a change that would break cases in
 * flight fails there until it is guarded by `patched()`. Record before changing a process.
 */

const FIXTURES = path.resolve('test/fixtures/histories');
const DEADLINE_MS = 4 * 60_000;
/** A case's survey outlives the case (and an escalation did, before it ended with it); the recorder waits this long for each to end. */
const OUTLIVER_WAIT_MS = 60_000;

export interface FixtureEntry {
  file: string;
  workflowId: string;
  workflowType: string;
  /** What the case or escalation went through, in words. */
  title: string;
  outcome: string | null;
}

export interface FixtureManifest {
  recordedFrom: string;
  recordedAt: string;
  fixtures: FixtureEntry[];
}

function currentCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'workflows', 'domain', 'config'], { encoding: 'utf8' }).trim();
    return dirty ? `${sha}+changes` : sha;
  } catch {
    return 'unknown';
  }
}

async function writeHistory(client: Client, workflowId: string, file: string): Promise<string> {
  const handle = client.workflow.getHandle(workflowId);
  const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
  await writeFile(file, historyToJSON(history));
  return description.type;
}

/** The case's survey (workflows/feedback), once it has ended, when the case asked one; its fixture entry. */
async function recordSurvey(client: Client, name: string, tracked: Tracked, dir: string): Promise<FixtureEntry | null> {
  const workflowId = feedbackWorkflowId(tracked.caseId);
  const handle = client.workflow.getHandle(workflowId);
  const asked = await handle.describe().then(
    () => true,
    (err: unknown) => {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    },
  );
  if (!asked) return null;
  const result = (await client.withDeadline(Date.now() + OUTLIVER_WAIT_MS, () => handle.result())) as { status: string };
  const file = `${name}.feedback.json`;
  const workflowType = await writeHistory(client, workflowId, path.join(dir, file));
  return { file, workflowId, workflowType, title: `feedback on: ${tracked.scenario.title}`, outcome: result.status };
}

async function recordAll(client: Client, recorded: { name: string; tracked: Tracked }[], dir: string): Promise<FixtureEntry[]> {
  const entries: FixtureEntry[] = [];
  for (const { name, tracked } of recorded) {
    const file = `${name}.json`;
    const workflowType = await writeHistory(client, tracked.caseId, path.join(dir, file));
    entries.push({ file, workflowId: tracked.caseId, workflowType, title: tracked.scenario.title, outcome: tracked.outcome });
    const survey = await recordSurvey(client, name, tracked, dir);
    if (survey) entries.push(survey);
    for (const [index, escalationId] of [...tracked.escalationIds].entries()) {
      const handle = client.workflow.getHandle(escalationId);
      const result = (await client.withDeadline(Date.now() + OUTLIVER_WAIT_MS, () => handle.result())) as EscalationResult;
      const escalationFile = `${name}.escalation-${index + 1}.json`;
      const type = await writeHistory(client, escalationId, path.join(dir, escalationFile));
      entries.push({
        file: escalationFile,
        workflowId: escalationId,
        workflowType: type,
        title: `escalation of: ${tracked.scenario.title}`,
        outcome: result.ended === 'case_closed' ? `closed with the case at ${result.level}` : result.level ? `acknowledged at ${result.level}` : 'unanswered',
      });
    }
  }
  return entries;
}

/**
 * The stack's daily jobs (worker/schedules.ts), each run once by its own schedule as a day would
 * run it, after the cases: the quality draw finds the day before empty on this fresh stack, the
 * partner review nothing to flag, which still records every command their workflows issue.
 */
async function recordDailyJobs(client: Client, dir: string): Promise<FixtureEntry[]> {
  const entries: FixtureEntry[] = [];
  for await (const schedule of client.schedule.list()) {
    const handle = client.schedule.getHandle(schedule.scheduleId);
    await handle.trigger();
    const workflowId = await eventuallyStarted(handle);
    await client.withDeadline(Date.now() + OUTLIVER_WAIT_MS, () => client.workflow.getHandle(workflowId).result());
    const file = `daily-${schedule.scheduleId.split('.').pop()}.json`;
    const workflowType = await writeHistory(client, workflowId, path.join(dir, file));
    entries.push({ file, workflowId, workflowType, title: `daily job ${schedule.scheduleId}, triggered once`, outcome: 'completed' });
  }
  return entries;
}

/** The workflow a schedule's trigger started, once the schedule lists it. */
async function eventuallyStarted(handle: ScheduleHandle): Promise<string> {
  for (let waited = 0; waited < OUTLIVER_WAIT_MS; waited += 200) {
    const started = (await handle.describe()).info.recentActions.at(-1)?.action.workflow.workflowId;
    if (started) return started;
    await sleep(200);
  }
  throw new Error(`schedule ${handle.scheduleId} started nothing within ${OUTLIVER_WAIT_MS} ms`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      label: { type: 'string' },
      only: { type: 'string', multiple: true },
    },
  });
  const recordedFrom = currentCommit();
  const label = values.label ?? `${new Date().toISOString().slice(0, 10)}-${recordedFrom.replace('+changes', '-dirty')}`;
  const scenarios = recordingScenarios().filter((r) => !values.only || values.only.includes(r.name));
  const progress = progressPrinter('record');
  const fixtureKey = (await readFile(path.join(FIXTURES, 'payload-key.txt'), 'utf8')).trim();
  const options = {
    // Its own Temporal and PostgreSQL always: the histories must hold these cases only.
    env: { TEMPORAL_ADDRESS: undefined, DATABASE_URL: undefined, PAYLOAD_KEYS: fixtureKey },
    policies: recordingPolicies,
    delays: { pickupMs: 300, deliveryMs: 300, inspectionMs: 300, supplierStepMs: 500 },
  };
  return withDemoStack('record', options, progress, async (stack) => {
    const tracked = await runScenarios(stack, scenarios.map((r) => r.scenario), progress, DEADLINE_MS);
    if (report(tracked, progress) !== 0) {
      progress('nothing written: every scenario must end as expected');
      return 1;
    }
    const dir = path.join(FIXTURES, label);
    await mkdir(dir, { recursive: true });
    const entries = await recordAll(stack.client, scenarios.map((r, i) => ({ name: r.name, tracked: tracked[i]! })), dir);
    if (!values.only) entries.push(...(await recordDailyJobs(stack.client, dir)));
    // The cases' payloads are under their customers' data keys: the replay needs them (scripts/recording/dataKeys.ts).
    const pool = createPool(stack.databaseUrl, 1);
    await exportDataKeys(pool, path.join(dir, DATA_KEYS_FILE)).finally(() => pool.end());
    const manifest: FixtureManifest = { recordedFrom, recordedAt: new Date().toISOString(), fixtures: entries };
    await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    progress(`wrote ${entries.length} histories to ${path.relative(process.cwd(), dir)}`);
    return 0;
  });
}

runMain(main);
