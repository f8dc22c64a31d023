import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { withDemoStack } from './demo/demoStack';
import { report, runScenarios, type Tracked } from './demo/runner';
import { runMain } from './load/runMain';
import { progressPrinter } from './progress';
import { recordingPolicies } from './recording/policies';
import { recordingScenarios } from './recording/scenarios';

/**
 * `npm run record-histories`: runs every process through every outcome the recording scenarios
 * cover, on today's code, and writes each case's workflow history (and those of the escalations
 * it started) to test/fixtures/histories/<label>/, encrypted with the fixtures' own key. The
 * replay test replays every recording on the current code, so a change that would break cases in
 * flight fails there until it is guarded by `patched()`. Record before changing a process.
 */

const FIXTURES = path.resolve('test/fixtures/histories');
const DEADLINE_MS = 4 * 60_000;
/** An escalation outlives its case; the recorder waits this long for each to end. */
const ESCALATION_WAIT_MS = 60_000;

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

async function recordAll(client: Client, recorded: { name: string; tracked: Tracked }[], dir: string): Promise<FixtureEntry[]> {
  const entries: FixtureEntry[] = [];
  for (const { name, tracked } of recorded) {
    const file = `${name}.json`;
    const workflowType = await writeHistory(client, tracked.caseId, path.join(dir, file));
    entries.push({ file, workflowId: tracked.caseId, workflowType, title: tracked.scenario.title, outcome: tracked.outcome });
    for (const [index, escalationId] of [...tracked.escalationIds].entries()) {
      const handle = client.workflow.getHandle(escalationId);
      const result = (await client.withDeadline(Date.now() + ESCALATION_WAIT_MS, () => handle.result())) as { level: string | null };
      const escalationFile = `${name}.escalation-${index + 1}.json`;
      const type = await writeHistory(client, escalationId, path.join(dir, escalationFile));
      entries.push({
        file: escalationFile,
        workflowId: escalationId,
        workflowType: type,
        title: `escalation of: ${tracked.scenario.title}`,
        outcome: result.level ? `acknowledged at ${result.level}` : 'unanswered',
      });
    }
  }
  return entries;
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
    const manifest: FixtureManifest = { recordedFrom, recordedAt: new Date().toISOString(), fixtures: entries };
    await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    progress(`wrote ${entries.length} histories to ${path.relative(process.cwd(), dir)}`);
    return 0;
  });
}

runMain(main);
