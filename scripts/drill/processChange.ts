import { stat } from 'node:fs/promises';
import path from 'node:path';
import { runBounded } from '../load/boundedRun';
import { ServiceClient } from '../load/serviceClient';
import { freePort } from '../net';
import { caseViewQuery } from '../../workflows/lib/messages';
import { apiProcessFor } from './apiProcess';
import { countOutcome, openInCohort, submitCohort } from './cohort';
import type { Drill } from './drillStack';
import type { DrillFlags } from './flags';
import { countTaskFailures, NONDETERMINISTIC, nondeterminismLogged } from './histories';

const NAME = 'process-change';
/** The cases started on the old release, and those the new one takes. */
const BEFORE = `${NAME}-before`;
const AFTER = `${NAME}-after`;
/** The new release's own cases: enough to see them pin its rules, few enough not to lengthen the drill. */
const AFTER_SHARE = 5;
const INSPECT_CONCURRENCY = 8;

interface Replayed {
  /** The rules each case ran on, by pinned version, as its workflow answers when replayed by the new release's worker. */
  byPolicyVersion: Record<string, number>;
  /** Workflow task failures in the cases' histories, by cause: a nondeterministic one is a case the change broke. */
  workflowTaskFailures: Record<string, number>;
  /** Cases whose workflow the new worker could not replay to answer the query. */
  unreplayable: number;
}

/**
 * Each case's history, for the workflow task failures in it, and its workflow's own view of the
 * rules it runs on, asked of the new worker: a query on a closed workflow is a replay of its whole
 * history, so a case the deployed code cannot replay fails here too.
 */
async function replayed(drill: Drill, ids: string[]): Promise<Replayed> {
  const byPolicyVersion: Record<string, number> = {};
  const workflowTaskFailures: Record<string, number> = {};
  let unreplayable = 0;
  await runBounded(ids.length, INSPECT_CONCURRENCY, async (index) => {
    const handle = drill.stack.client.workflow.getHandle(ids[index]!);
    await countTaskFailures(handle, workflowTaskFailures);
    const view = await handle.query(caseViewQuery).catch(() => null);
    if (view) byPolicyVersion[view.policyVersion] = (byPolicyVersion[view.policyVersion] ?? 0) + 1;
    else unreplayable += 1;
  });
  return { byPolicyVersion, workflowTaskFailures, unreplayable };
}

/**
 * A release deployed while `cases` returns are in flight (issue 16): the worker is stopped as a
 * deployment stops it (SIGTERM: it drains what it holds) and started again, and the API of the new
 * release takes the next cases, with the policies it ships (the profile's; the old cases pinned
 * the drill's own). The old cases must finish on the rules they pinned and the new ones get the
 * new rules; none lost, none refunded twice, no workflow task failing as nondeterministic.
 */
export async function processChange(drill: Drill, flags: DrillFlags): Promise<{ ok: boolean } & Record<string, unknown>> {
  const afterCount = Math.ceil(flags.cases / AFTER_SHARE);
  const logFile = path.join(drill.dataDir, 'worker.log');
  const logOffset = (await stat(logFile)).size;
  const port = await freePort();
  const newApi = apiProcessFor(drill.config, drill.stack, { port, dataDir: drill.dataDir, progress: drill.progress });
  drill.progress(`${NAME}: ${flags.cases} returns on the running release, then a new one is deployed and takes ${afterCount} more`);
  const startedAt = Date.now();
  let stagesAtDeploy: Record<string, number> = {};
  try {
    const before = await submitCohort(drill, {
      name: BEFORE,
      count: flags.cases,
      concurrency: flags.concurrency,
      faultAfter: flags.cases,
      fault: async () => {
        stagesAtDeploy = await openInCohort(drill, BEFORE);
        drill.progress('deploying: the worker drains and starts again, and the new API starts');
        await Promise.all([drill.worker.restart(), newApi.start()]);
        drill.progress('the new release runs');
      },
    });
    const service = new ServiceClient(`http://127.0.0.1:${port}`, drill.stack.simulatorUrl!, drill.stack.webhookSecret, drill.stack.tokens);
    const after = await submitCohort(drill, { name: AFTER, count: afterCount, concurrency: flags.concurrency, service });
    const deadlineMs = flags['deadline-s'] * 1000;
    const old = await countOutcome(drill, before, deadlineMs);
    const fresh = await countOutcome(drill, after, deadlineMs);
    drill.progress(`${NAME}: asking each case's workflow for its rules and reading its history`);
    const [oldReplayed, newReplayed] = [await replayed(drill, before), await replayed(drill, after)];
    // The histories say which cases met one; the worker's log also catches one in a task it never completed.
    const nondeterminismErrors = (oldReplayed.workflowTaskFailures[NONDETERMINISTIC] ?? 0) + (newReplayed.workflowTaskFailures[NONDETERMINISTIC] ?? 0);
    const nondeterminismLogLines = await nondeterminismLogged(logFile, logOffset);
    const oldVersions = Object.keys(oldReplayed.byPolicyVersion);
    const newVersions = Object.keys(newReplayed.byPolicyVersion);
    // Each cohort on one version, every case of it, and the two different: the change reached new cases only.
    const pinned =
      oldVersions.length === 1 &&
      newVersions.length === 1 &&
      oldVersions[0] !== newVersions[0] &&
      oldReplayed.byPolicyVersion[oldVersions[0]!] === before.length &&
      newReplayed.byPolicyVersion[newVersions[0]!] === after.length;
    const sum = (key: 'started' | 'completed' | 'lost' | 'duplicated') => old[key] + fresh[key];
    const ok =
      before.length === flags.cases &&
      after.length === afterCount &&
      sum('lost') === 0 &&
      sum('duplicated') === 0 &&
      nondeterminismErrors === 0 &&
      nondeterminismLogLines === 0 &&
      oldReplayed.unreplayable + newReplayed.unreplayable === 0 &&
      pinned;
    return {
      ok,
      cases: flags.cases + afterCount,
      inFlightAtDeploy: Object.values(stagesAtDeploy).reduce((total, n) => total + n, 0),
      stagesAtDeploy,
      started: sum('started'),
      completed: sum('completed'),
      lost: sum('lost'),
      duplicated: sum('duplicated'),
      nondeterminismErrors,
      nondeterminismLogLines,
      oldRelease: { started: old.started, completed: old.completed, lost: old.lost, stuckAt: old.stuckAt, ...oldReplayed },
      newRelease: { started: fresh.started, completed: fresh.completed, lost: fresh.lost, stuckAt: fresh.stuckAt, ...newReplayed },
      seconds: Math.round((Date.now() - startedAt) / 1000),
    };
  } finally {
    await newApi.stop();
  }
}
