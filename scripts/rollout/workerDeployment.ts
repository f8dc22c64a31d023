import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, isGrpcServiceError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/**
 * One Temporal worker deployment as the rollout sees it (docs/versioning.md): which build gets new
 * cases (current, and the one ramping with its share), every build that has polled, and what is
 * still open on each. `npm run rollout`, the version-change drill and the tests all go through it.
 */

const { TaskQueueType, WorkerDeploymentVersionStatus } = temporal.api.enums.v1;

export type VersionStatus = 'inactive' | 'current' | 'ramping' | 'draining' | 'drained';

const STATUSES: Record<number, VersionStatus> = {
  [WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_INACTIVE]: 'inactive',
  [WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_CURRENT]: 'current',
  [WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_RAMPING]: 'ramping',
  [WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINING]: 'draining',
  [WorkerDeploymentVersionStatus.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINED]: 'drained',
};

export interface BuildVersion {
  buildId: string;
  status: VersionStatus;
  /** When its first worker polled. */
  createdAt: string | null;
}

export interface DeploymentState {
  name: string;
  /** The build new cases start on; null: unversioned workers take them. */
  current: string | null;
  ramping: { buildId: string; percentage: number } | null;
  /** Oldest first. */
  versions: BuildVersion[];
}

/** Running workflows whose last task ran on a build, and of those the ones pinned to it. */
export interface OpenOnBuild {
  open: number;
  pinned: number;
}

/** A rollout step refused before it reached Temporal, or by Temporal for a reason worth saying plainly. */
export class RolloutError extends Error {}

const IDENTITY = 'npm run rollout';
/** gRPC's NOT_FOUND: the deployment, or the version, does not exist. */
const NOT_FOUND = 5;
const POLL_MS = 1_000;

const isoOf = (time: { seconds?: { toString(): string } | null; nanos?: number | null } | null | undefined) =>
  time?.seconds ? new Date(Number(time.seconds.toString()) * 1000 + Math.floor((time.nanos ?? 0) / 1e6)).toISOString() : null;

export class WorkerDeployment {
  constructor(
    private readonly client: Client,
    readonly name: string,
  ) {}

  private get service() {
    return this.client.workflowService;
  }

  private get namespace() {
    return this.client.options.namespace;
  }

  /** Its state now, and the token that makes a change conditional on it. */
  private async read(): Promise<{ state: DeploymentState; conflictToken: Uint8Array }> {
    const described = await this.service.describeWorkerDeployment({ namespace: this.namespace, deploymentName: this.name }).catch((error: unknown) => {
      if (isGrpcServiceError(error) && error.code === NOT_FOUND) {
        throw new RolloutError(`no worker deployment ${this.name} in namespace ${this.namespace}: no worker with WORKER_DEPLOYMENT_NAME=${this.name} has polled yet`);
      }
      throw error;
    });
    const info = described.workerDeploymentInfo;
    const routing = info?.routingConfig;
    const versions = (info?.versionSummaries ?? [])
      .map((v) => ({ buildId: v.deploymentVersion?.buildId ?? '', status: STATUSES[v.status ?? 0] ?? 'inactive', createdAt: isoOf(v.createTime) }))
      .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
    const rampingId = routing?.rampingDeploymentVersion?.buildId;
    return {
      state: {
        name: this.name,
        current: routing?.currentDeploymentVersion?.buildId || null,
        ramping: rampingId ? { buildId: rampingId, percentage: routing?.rampingVersionPercentage ?? 0 } : null,
        versions,
      },
      conflictToken: described.conflictToken,
    };
  }

  async describe(): Promise<DeploymentState> {
    return (await this.read()).state;
  }

  /** A share of new cases (and of the cases that move with the current build) goes to `buildId`; the rest stay on the current build. */
  async ramp(buildId: string, percentage: number): Promise<DeploymentState> {
    if (!Number.isInteger(percentage) || percentage < 1 || percentage > 100) throw new RolloutError(`a ramp is 1 to 100 percent, not ${percentage}`);
    const { state, conflictToken } = await this.read();
    this.requireVersion(state, buildId);
    if (state.current === buildId) throw new RolloutError(`${buildId} is the current build already: it takes every new case`);
    await this.requirePolling(state, buildId);
    await this.service.setWorkerDeploymentRampingVersion({ namespace: this.namespace, deploymentName: this.name, buildId, percentage, conflictToken, identity: IDENTITY });
    return this.describe();
  }

  /** Every new case starts on `buildId`; the ramp, if it was this build's, ends. The build before it drains. */
  async promote(buildId: string): Promise<DeploymentState> {
    const { state, conflictToken } = await this.read();
    this.requireVersion(state, buildId);
    if (state.current === buildId) throw new RolloutError(`${buildId} is the current build already`);
    await this.requirePolling(state, buildId);
    await this.service.setWorkerDeploymentCurrentVersion({ namespace: this.namespace, deploymentName: this.name, buildId, conflictToken, identity: IDENTITY });
    return this.describe();
  }

  /** Back to an earlier build: any ramp ends and every new case starts on `buildId` again. Its workers must still run. */
  async rollback(buildId: string): Promise<DeploymentState> {
    const { state, conflictToken } = await this.read();
    this.requireVersion(state, buildId);
    if (state.current === buildId && !state.ramping) throw new RolloutError(`${buildId} is the current build already and nothing is ramping`);
    let token = conflictToken;
    if (state.ramping) {
      const unramped = await this.service.setWorkerDeploymentRampingVersion({
        namespace: this.namespace,
        deploymentName: this.name,
        buildId: '',
        percentage: 0,
        conflictToken: token,
        identity: IDENTITY,
      });
      token = unramped.conflictToken;
    }
    if (state.current !== buildId) {
      await this.service.setWorkerDeploymentCurrentVersion({ namespace: this.namespace, deploymentName: this.name, buildId, conflictToken: token, identity: IDENTITY });
    }
    return this.describe();
  }

  /**
   * What is still open on the build, from Temporal's visibility (eventually consistent: a moment
   * behind). Pinned workflows need its workers until they end; the others move to the current build
   * at their next task and need them no more.
   */
  async openOn(buildId: string): Promise<OpenOnBuild> {
    const onBuild = `ExecutionStatus = 'Running' AND TemporalWorkerDeploymentVersion = '${this.name}:${buildId}'`;
    const [open, pinned] = await Promise.all([
      this.client.workflow.count(onBuild),
      this.client.workflow.count(`${onBuild} AND TemporalWorkflowVersioningBehavior = 'Pinned'`),
    ]);
    return { open: open.count, pinned: pinned.count };
  }

  /** The task queues (and their kinds: workflow, activity) a build's workers have polled. */
  private async taskQueuesOf(buildId: string): Promise<Set<string>> {
    // A build the deployment lists may not be described yet for a moment: it has polled nothing, as far as anyone can tell.
    const described = await this.service
      .describeWorkerDeploymentVersion({ namespace: this.namespace, deploymentVersion: { deploymentName: this.name, buildId } })
      .catch((error: unknown) => (isGrpcServiceError(error) && error.code === NOT_FOUND ? { versionTaskQueues: [] } : Promise.reject(error)));
    const kind = (type: number | null | undefined) => (TaskQueueType[type ?? 0] ?? String(type)).replace('TASK_QUEUE_TYPE_', '').toLowerCase();
    return new Set((described.versionTaskQueues ?? []).map((queue) => `${queue.name} (${kind(queue.type)})`));
  }

  /** The current build's task queues that workers of `buildId` have not polled yet. */
  private async unpolled(state: DeploymentState, buildId: string): Promise<string[]> {
    if (!state.current) return [];
    const [polled, needed] = await Promise.all([this.taskQueuesOf(buildId), this.taskQueuesOf(state.current)]);
    return [...needed].filter((queue) => !polled.has(queue));
  }

  /** Temporal refuses to route to a build that would leave one of the current build's task queues without workers: said plainly. */
  private async requirePolling(state: DeploymentState, buildId: string): Promise<void> {
    const missing = await this.unpolled(state, buildId);
    if (missing.length > 0) throw new RolloutError(`workers of build ${buildId} do not poll ${missing.join(', ')} yet: start them, or wait until they do`);
  }

  /** Waits until workers of `buildId` poll every task queue the current build's do, at most `timeoutMs`. */
  async waitForBuild(buildId: string, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.describe().catch((error: unknown) => (error instanceof RolloutError ? null : Promise.reject(error)));
      if (state?.versions.some((v) => v.buildId === buildId) && (await this.unpolled(state, buildId)).length === 0) return;
      if (Date.now() > until) throw new RolloutError(`workers of build ${buildId} did not poll every task queue of deployment ${this.name} within ${timeoutMs / 1000}s`);
      await sleep(POLL_MS);
    }
  }

  /**
   * Waits until nothing pinned to `buildId` is open (`all`: nothing at all whose last task ran on
   * it), reporting each change; resolves with the time it took, rejects after `timeoutMs`.
   */
  async waitDrained(buildId: string, opts: { timeoutMs: number; all?: boolean; onProgress?: (open: OpenOnBuild) => void }): Promise<number> {
    const startedAt = Date.now();
    let last = '';
    for (;;) {
      const open = await this.openOn(buildId);
      if (JSON.stringify(open) !== last) opts.onProgress?.(open);
      last = JSON.stringify(open);
      if ((opts.all ? open.open : open.pinned) === 0) return Date.now() - startedAt;
      if (Date.now() - startedAt > opts.timeoutMs) {
        throw new RolloutError(`build ${buildId} still has ${open.pinned} pinned and ${open.open} open workflows after ${opts.timeoutMs / 1000}s`);
      }
      await sleep(POLL_MS);
    }
  }

  private requireVersion(state: DeploymentState, buildId: string): void {
    if (state.versions.some((v) => v.buildId === buildId)) return;
    const known = state.versions.map((v) => v.buildId).join(', ') || 'none';
    throw new RolloutError(`no build ${buildId} in deployment ${this.name} (builds: ${known}): start its workers first, with WORKER_BUILD_ID=${buildId}`);
  }
}
