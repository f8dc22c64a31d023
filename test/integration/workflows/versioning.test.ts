import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { WorkerDeploymentVersion } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../../../activities/types';
import { caseStartPolicies } from '../../../config/policies/caseStartPolicy';
import { WorkerDeployment } from '../../../scripts/rollout/workerDeployment';
import type { settleCaseStarts } from '../../../workflows/caseStarts/settleCaseStarts';
import { runScript } from '../db/runScript';
import { testEnv } from '../../support/env';
import { eventually } from '../../support/eventually';
import { returnCaseInput } from '../../support/returnCases';
import { WorkflowHarness } from '../../support/workflowHarness';

/**
 * Worker Versioning on the real server (docs/versioning.md): two builds of the workers on one task
 * queue, moved between by the rollout's own steps (scripts/rollout/workerDeployment.ts, which
 * `npm run rollout` runs). A pinned workflow ends on the build it started on; a case moves to the
 * new current build at its next step; a ramp sends its share of new cases to the ramping build; a
 * rollback sends them back; the case record keeps every build that ran the case. Which build ran
 * each workflow task is read from the history.
 */

const deploymentName = `versioning-${randomUUID().slice(0, 8)}`;
const A: WorkerDeploymentVersion = { deploymentName, buildId: 'A' };
const B: WorkerDeploymentVersion = { deploymentName, buildId: 'B' };
const BUILD_POLL_MS = 30_000;
const { VersioningBehavior } = temporal.api.enums.v1;

/** The reconciler's activity, held until released: a pinned workflow still open when the current build changes. */
let settleGate: Promise<void> = Promise.resolve();
const holdingSettle = (activities: Activities): Activities => ({
  ...activities,
  settleCaseStarts: async (input) => {
    await settleGate;
    return activities.settleCaseStarts(input);
  },
});

let harness: WorkflowHarness;
let deployment: WorkerDeployment;

beforeAll(async () => {
  harness = await WorkflowHarness.start('versioning', {}, { version: A, activities: holdingSettle });
  deployment = new WorkerDeployment(harness.client, deploymentName);
  await deployment.waitForBuild('A', BUILD_POLL_MS);
  await deployment.promote('A');
  // Polling, and given nothing until the rollout says so.
  await harness.startWorker(B);
  await deployment.waitForBuild('B', BUILD_POLL_MS);
});
afterAll(async () => {
  await harness?.close();
});

/** The build of each workflow task the history completed, in order. */
async function taskBuilds(handle: WorkflowHandle): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const completed = e.workflowTaskCompletedEventAttributes;
    return completed ? [completed.deploymentVersion?.buildId || 'unversioned'] : [];
  });
}

/** The builds in the order they ran the workflow: ['A', 'B'] for one that moved from A to B. */
const runsOf = (builds: string[]) => builds.filter((build, i) => build !== builds[i - 1]);

/** A return started now, once its workflow waits for the carrier. */
async function openReturn(caseId?: string) {
  const input = returnCaseInput(caseId ? { caseId } : {});
  const handle = await harness.startReturn(input);
  await harness.waitForStatus(input.caseId, 'label_issued');
  return { input, handle };
}

it('keeps a pinned workflow on the build it started on, moves a case to the new current build at its next step, and the record keeps both builds', async () => {
  expect((await deployment.describe()).current).toBe('A');
  const { input, handle: moving } = await openReturn();
  let release = () => undefined as void;
  settleGate = new Promise<void>((resolve) => (release = resolve));
  const pinned = await harness.client.workflow.start<typeof settleCaseStarts>('settleCaseStarts', {
    workflowId: `settle-${randomUUID()}`,
    taskQueue: harness.taskQueue,
    args: [{ policy: caseStartPolicies.standard }],
  });
  // Its first task ran on A, and its activity waits there.
  await eventually(async () => expect(await taskBuilds(pinned)).toEqual(['A']));

  const promoted = await deployment.promote('B');
  release();
  await harness.deliverParcel(input.caseId);

  expect(promoted).toMatchObject({ current: 'B', ramping: null });
  expect(await pinned.result()).toMatchObject({ pages: 1 });
  expect(await moving.result()).toEqual({ outcome: 'refunded' });
  expect(runsOf(await taskBuilds(pinned))).toEqual(['A']);
  expect((await pinned.describe()).raw.workflowExecutionInfo?.versioningInfo?.behavior).toBe(VersioningBehavior.VERSIONING_BEHAVIOR_PINNED);
  expect(runsOf(await taskBuilds(moving))).toEqual(['A', 'B']);
  expect((await moving.describe()).raw.workflowExecutionInfo?.versioningInfo?.behavior).toBe(VersioningBehavior.VERSIONING_BEHAVIOR_AUTO_UPGRADE);
  expect((await harness.caseRecord(input.caseId)).buildIds).toEqual(['A', 'B']);
  // Nothing pinned to A is open any more: its workers may stop.
  await eventually(async () => expect(await deployment.openOn('A')).toEqual({ open: 0, pinned: 0 }));
});

it('rolls back: new cases start on the earlier build again', async () => {
  expect((await deployment.describe()).current).toBe('B');

  const rolledBack = await deployment.rollback('A');
  const { input, handle } = await openReturn();

  expect(rolledBack).toMatchObject({ current: 'A', ramping: null });
  expect(runsOf(await taskBuilds(handle))).toEqual(['A']);
  expect((await harness.caseRecord(input.caseId)).buildIds).toEqual(['A']);
  await handle.terminate('test over');
});

it('ramps: about the ramp’s share of new cases starts on the ramping build, the rest on the current one', async () => {
  const ramped = await deployment.ramp('B', 30);
  expect(ramped).toMatchObject({ current: 'A', ramping: { buildId: 'B', percentage: 30 } });

  // Case ids fixed for the run, so the server's choice (by workflow id) is the same on every run.
  const ids = Array.from({ length: 40 }, (_, i) => `case_ramp${String(i).padStart(2, '0')}${'0'.repeat(19)}`);
  const opened = await Promise.all(ids.map((id) => openReturn(id)));
  const firstBuilds = await Promise.all(opened.map(async ({ handle }) => (await taskBuilds(handle))[0]));
  const onB = firstBuilds.filter((build) => build === 'B').length;

  expect(firstBuilds.every((build) => build === 'A' || build === 'B')).toBe(true);
  expect(onB).toBeGreaterThanOrEqual(6);
  expect(onB).toBeLessThanOrEqual(20);
  // The record names the build each started on.
  const records = await Promise.all(opened.map(({ input }) => harness.caseRecord(input.caseId)));
  expect(records.map((r) => r.buildIds![0])).toEqual(firstBuilds);
  await Promise.all(opened.map(({ handle }) => handle.terminate('test over')));
});

it('is what npm run rollout shows and changes, refusing a build whose workers never polled', async () => {
  const env = { PATH: process.env.PATH, TEMPORAL_ADDRESS: testEnv().temporalAddress, TEMPORAL_NAMESPACE: testEnv().namespace };
  const rollout = (...args: string[]) => runScript('scripts/rollout/main.ts', [...args, '--deployment', deploymentName], env);

  const status = await rollout('status');
  const unknown = await rollout('ramp', 'C', '10');
  const back = await rollout('rollback', 'A');

  expect(status.code).toBe(0);
  // build, status, share of new cases, open, pinned, first polled
  expect(status.stdout).toMatch(/^ +A +current +70 % +\d+ +\d+ +\d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
  expect(status.stdout).toMatch(/^ +B +ramping +30 % +\d+ +0 +\d{4}-/m);
  expect(status.stdout).toContain('new cases: 70 % on A, 30 % on B');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain(`no build C in deployment ${deploymentName} (builds: A, B)`);
  expect(back.code).toBe(0);
  expect(back.stdout).toContain('new cases: 100 % on A');
  expect(await deployment.describe()).toMatchObject({ current: 'A', ramping: null });
});

it('replays a history that versioned workers recorded on the unversioned replay worker of the replay test', async () => {
  const { handle } = await openReturn();
  const history = await handle.fetchHistory();
  await handle.terminate('test over');

  await expect(
    Worker.runReplayHistory(
      { workflowBundle: { codePath: testEnv().workflowBundlePath }, dataConverter: harness.client.options.dataConverter, replayName: 'versioned history' },
      history,
      handle.workflowId,
    ),
  ).resolves.toBeUndefined();
});
