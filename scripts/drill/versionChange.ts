import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { temporal } from '@temporalio/proto';
import { runBounded } from '../load/boundedRun';
import { ServiceClient } from '../load/serviceClient';
import { type WorkerProcess, workerProcessFor } from '../load/workerProcess';
import { freePort } from '../net';
import { WorkerDeployment } from '../rollout/workerDeployment';
import { apiProcessFor } from './apiProcess';
import type { ItemCondition } from '../../workflows/returns/vocabulary';
import { type Counts, countOutcome, openInCohort, patiently, submitCohort } from './cohort';
import type { Drill } from './drillStack';
import type { DrillFlags } from './flags';
import { countTaskFailures, NONDETERMINISTIC, nondeterminismLogged } from './histories';

const NAME = 'version-change';
const [OLD, NEW] = ['A', 'B'] as const;
/** The cases started while the new build ramps, and once it is current: a fifth of the cohort each. */
const LATER_SHARE = 5;
const INSPECT_CONCURRENCY = 8;
const FIRST_STEP_POLL_MS = 2_000;
const BUILD_POLL_MS = 120_000;
const { WorkflowExecutionStatus } = temporal.api.enums.v1;

/** Where a case that did not complete stands: still running (stuck), closed otherwise (failed), or without a workflow (lost). */
interface Unfinished {
  stuck: number;
  failed: number;
  lost: number;
}

/** The cases of a cohort by the builds that ran them, as their records keep them: "A", "A→B", "B". */
async function byRecordedBuilds(drill: Drill, ids: string[]): Promise<Record<string, number>> {
  const { rows } = await drill.pool.query<{ builds: string; n: string }>(
    `SELECT array_to_string(build_ids, '→') AS builds, count(*) AS n FROM cases WHERE id = ANY($1) GROUP BY 1 ORDER BY 1`,
    [ids],
  );
  return Object.fromEntries(rows.map((row) => [row.builds || 'none', Number(row.n)]));
}

/** Of the cases that did not complete, which are still running, which ended otherwise, and which have no workflow. */
async function unfinished(drill: Drill, ids: string[]): Promise<Unfinished> {
  const { rows } = await drill.pool.query<{ id: string }>(`SELECT id FROM cases WHERE id = ANY($1) AND NOT (status = 'closed' AND outcome = 'refunded')`, [ids]);
  const stored = await drill.pool.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE id = ANY($1)', [ids]);
  const counts: Unfinished = { stuck: 0, failed: 0, lost: ids.length - Number(stored.rows[0]!.n) };
  for (const { id } of rows) {
    const status = await drill.stack.client.workflow
      .getHandle(id)
      .describe()
      .then((d) => d.raw.workflowExecutionInfo?.status, () => null);
    if (status == null) counts.lost += 1;
    else if (status === WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) counts.stuck += 1;
    else counts.failed += 1;
  }
  return counts;
}

async function taskFailures(drill: Drill, ids: string[]): Promise<Record<string, number>> {
  const byCause: Record<string, number> = {};
  await runBounded(ids.length, INSPECT_CONCURRENCY, (index) => countTaskFailures(drill.stack.client.workflow.getHandle(ids[index]!), byCause));
  return byCause;
}

/**
 * Waits (at most `deadlineMs`) until every case of `ids` has had its first step run by a worker of
 * a build, which it records: a case is on the build that ran its first workflow task, not on the
 * one that was current when the API took it.
 */
async function waitForFirstSteps(drill: Drill, ids: string[], deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const { rows } = await drill.pool.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE id = ANY($1) AND cardinality(build_ids) = 0', [ids]);
    const waiting = Number(rows[0]!.n);
    if (waiting === 0 || Date.now() > until) return;
    drill.progress(`${waiting} cases not yet started by a worker`);
    await sleep(FIRST_STEP_POLL_MS);
  }
}

const inFlight = (stages: Record<string, number>) => Object.values(stages).reduce((total, n) => total + n, 0);

/** An agent approves each case under review, `concurrency` at a time, as many times as the API asks to try again. */
async function approveAll(service: ServiceClient, ids: string[], concurrency: number): Promise<number> {
  const answers = await runBounded(ids.length, concurrency, (index) =>
    patiently(() => service.caseAction(ids[index]!, 'approve', {}, `${NAME}-approve-${ids[index]}`)),
  );
  return answers.filter((answer) => answer.status !== 200).length;
}

/**
 * A new build of the workers rolled out under `cases` returns in flight (issue 17, item 3;
 * docs/versioning.md), on a task queue and a worker deployment of the drill's own. Every case is
 * started on build A and waits there for an agent's review, so all of them are in flight whatever
 * the machine's pace; a worker of build B starts; B takes a ramp's share of new cases and half the
 * reviews are given (those cases moving with their build, a share of them to B); B becomes current
 * and takes the next new cases; A drains and its worker stops; then the other half of the reviews
 * are given, and those cases must finish on B. Both builds run the same code, so what is drilled is
 * the routing: none lost, stuck or failed, none refunded twice, no nondeterminism, and each case's
 * record naming the builds that ran it.
 */
export async function versionChange(drill: Drill, flags: DrillFlags): Promise<{ ok: boolean } & Record<string, unknown>> {
  const later = Math.ceil(flags.cases / LATER_SHARE);
  const percent = flags['ramp-percent'];
  const deadlineMs = flags['deadline-s'] * 1000;
  const taskQueue = `${drill.config.TEMPORAL_TASK_QUEUE}-versions`;
  const deployment = new WorkerDeployment(drill.stack.client, drill.runId);
  const version = (buildId: string) => ({ deploymentName: deployment.name, buildId });
  const workerOf = (buildId: string): WorkerProcess =>
    workerProcessFor(drill.config, drill.stack, drill.dataDir, drill.progress, { taskQueue, version: version(buildId) });
  const [workerA, workerB] = [workerOf(OLD), workerOf(NEW)];
  const port = await freePort();
  const api = apiProcessFor(drill.config, drill.stack, { port, dataDir: drill.dataDir, progress: drill.progress, taskQueue });
  drill.progress(`${NAME}: ${flags.cases} returns waiting for review on build ${OLD}; ${NEW} ramps to ${percent} % (${later} more) and becomes current (${later} more)`);
  const startedAt = Date.now();
  try {
    await Promise.all([api.start(), workerA.start()]);
    await deployment.waitForBuild(OLD, BUILD_POLL_MS);
    await deployment.promote(OLD);
    const service = new ServiceClient(`http://127.0.0.1:${port}`, drill.stack.simulatorUrl!, drill.stack.webhookSecret, drill.stack.tokens);
    const cohort = (name: string, count: number, opts: { condition?: ItemCondition; fault?: { after: number; run: () => Promise<void> } } = {}) =>
      submitCohort(drill, { name: `${NAME}-${name}`, count, concurrency: flags.concurrency, service, condition: opts.condition, faultAfter: opts.fault?.after, fault: opts.fault?.run });

    // An opened item waits for an agent's review. B's worker starts (and bundles) once the first case
    // is in, as a deployment's new pods come up: it takes nothing until it ramps.
    const onOld = await cohort('a', flags.cases, { condition: 'opened', fault: { after: 1, run: () => workerB.start() } });
    await waitForFirstSteps(drill, onOld, deadlineMs);
    await deployment.waitForBuild(NEW, BUILD_POLL_MS);
    const inFlightAtRamp = inFlight(await openInCohort(drill, `${NAME}-a`));
    drill.progress(`ramping ${NEW} to ${percent} % with ${inFlightAtRamp} cases in flight; half of them are approved now`);
    await deployment.ramp(NEW, percent);
    const half = Math.ceil(onOld.length / 2);
    const [reviewedDuringRamp, reviewedAfter] = [onOld.slice(0, half), onOld.slice(half)];
    const [duringRamp, refusedDuringRamp] = await Promise.all([cohort('ramp', later), approveAll(service, reviewedDuringRamp, flags.concurrency)]);
    // Each has met the ramp, not the promotion that follows.
    await waitForFirstSteps(drill, duringRamp, deadlineMs);

    const inFlightAtPromotion = inFlight(await openInCohort(drill, `${NAME}-a`)) + inFlight(await openInCohort(drill, `${NAME}-ramp`));
    drill.progress(`promoting ${NEW} with ${inFlightAtPromotion} cases in flight`);
    await deployment.promote(NEW);
    const promotedAt = Date.now();
    const onNew = await cohort('b', later);

    // Drained once nothing pinned to A is open: what still names A (the cases waiting for review,
    // the surveys) moves to B at its next step.
    drill.progress(`waiting for ${OLD} to drain`);
    await deployment.waitDrained(OLD, { timeoutMs: deadlineMs, onProgress: (open) => drill.progress(`${OLD}: ${open.open} open, ${open.pinned} of them pinned`) });
    const drainedAfterMs = Date.now() - promotedAt;
    const openOnOldAtStop = (await deployment.openOn(OLD)).open;
    await workerA.stop();
    drill.progress(`${OLD} drained ${Math.round(drainedAfterMs / 1000)} s after ${NEW} became current, and stopped; approving the other ${reviewedAfter.length}`);
    const refusedAfter = await approveAll(service, reviewedAfter, flags.concurrency);

    const ids = [...onOld, ...duringRamp, ...onNew];
    const counts: Counts = await countOutcome(drill, ids, deadlineMs);
    const { stuck, failed, lost } = await unfinished(drill, ids);
    drill.progress(`${NAME}: reading every case's history`);
    const workflowTaskFailures = await taskFailures(drill, ids);
    const nondeterminismErrors = workflowTaskFailures[NONDETERMINISTIC] ?? 0;
    const logs = await Promise.all([OLD, NEW].map((build) => nondeterminismLogged(path.join(drill.dataDir, `worker-${build}.log`))));
    const nondeterminismLogLines = logs.reduce((sum, n) => sum + n, 0);
    // The builds each case's record names: its own steps', then its survey's (a workflow of its own, routed by its own id).
    const casesByVersion = {
      reviewedDuringRamp: await byRecordedBuilds(drill, reviewedDuringRamp),
      reviewedAfterPromotion: await byRecordedBuilds(drill, reviewedAfter),
      openedDuringRamp: await byRecordedBuilds(drill, duringRamp),
      openedAfterPromotion: await byRecordedBuilds(drill, onNew),
    };
    const startedOn = (builds: Record<string, number>, build: string) =>
      Object.entries(builds).reduce((sum, [path, n]) => sum + (path.startsWith(build) ? n : 0), 0);
    const paths = (builds: Record<string, number>) => Object.keys(builds);
    // A's cases started on A, and those reviewed after A stopped finished on B; the last ones never ran on A.
    const recorded =
      [...paths(casesByVersion.reviewedDuringRamp), ...paths(casesByVersion.reviewedAfterPromotion)].every((p) => p.startsWith(OLD)) &&
      paths(casesByVersion.reviewedAfterPromotion).every((p) => p.includes(NEW)) &&
      paths(casesByVersion.openedDuringRamp).every((p) => p.startsWith(OLD) || p.startsWith(NEW)) &&
      paths(casesByVersion.openedAfterPromotion).every((p) => !p.includes(OLD));
    const ok =
      onOld.length === flags.cases &&
      duringRamp.length === later &&
      onNew.length === later &&
      refusedDuringRamp + refusedAfter === 0 &&
      counts.completed === ids.length &&
      lost + stuck + failed === 0 &&
      counts.duplicated === 0 &&
      nondeterminismErrors === 0 &&
      nondeterminismLogLines === 0 &&
      recorded;
    return {
      ok,
      cases: ids.length,
      started: counts.started,
      completed: counts.completed,
      lost,
      duplicated: counts.duplicated,
      stuck,
      failed,
      nondeterminismErrors,
      nondeterminismLogLines,
      workflowTaskFailures,
      approvalsRefused: refusedDuringRamp + refusedAfter,
      inFlightAtRamp,
      inFlightAtPromotion,
      ramp: { percent, opened: later, startedOnB: startedOn(casesByVersion.openedDuringRamp, NEW) },
      casesByVersion,
      drainedSecondsAfterPromotion: Math.round(drainedAfterMs / 1000),
      openOnOldAtStop,
      seconds: Math.round((Date.now() - startedAt) / 1000),
    };
  } finally {
    await Promise.all([api.stop(), workerA.stop(), workerB.stop()]);
    await deleteSchedules(drill, taskQueue);
  }
}

/** The schedules the drill's workers kept for its task queue (worker/schedules.ts), which nothing polls any more. */
async function deleteSchedules(drill: Drill, taskQueue: string): Promise<void> {
  for await (const schedule of drill.stack.client.schedule.list()) {
    if (schedule.scheduleId.startsWith(`${taskQueue}.`)) await drill.stack.client.schedule.getHandle(schedule.scheduleId).delete();
  }
}
