import type { WorkerDeploymentVersion } from '@temporalio/common';
import type { WorkerDeploymentOptions } from '@temporalio/worker';
import { type Config, ConfigError } from '../config/env';

/**
 * Worker Versioning (docs/versioning.md): the worker deployment version a worker joins, from
 * WORKER_DEPLOYMENT_NAME and WORKER_BUILD_ID; none without them (an unversioned worker). Half a
 * version is a mistake to stop at, not one to run unversioned beside the versioned workers.
 */
export function workerVersion(config: Pick<Config, 'WORKER_DEPLOYMENT_NAME' | 'WORKER_BUILD_ID'>): WorkerDeploymentVersion | undefined {
  const { WORKER_DEPLOYMENT_NAME: deploymentName, WORKER_BUILD_ID: buildId } = config;
  if (deploymentName && buildId) return { deploymentName, buildId };
  if (deploymentName) throw new ConfigError(['WORKER_BUILD_ID: required with WORKER_DEPLOYMENT_NAME (the build this worker runs)']);
  if (buildId) throw new ConfigError(['WORKER_DEPLOYMENT_NAME: required with WORKER_BUILD_ID (the worker deployment the build belongs to)']);
  return undefined;
}

/**
 * The SDK's options for a versioned worker. Every workflow declares its own behaviour
 * (workflows/lib/versioning.ts); the default reaches only cases started before the workers were
 * versioned, which declare none: they keep moving with the current build, as they did when every
 * worker was unversioned, and their code changes are guarded by `patched()` as before.
 */
export function deploymentOptions(version: WorkerDeploymentVersion | undefined): { workerDeploymentOptions?: WorkerDeploymentOptions } {
  if (!version) return {};
  return { workerDeploymentOptions: { version, useWorkerVersioning: true, defaultVersioningBehavior: 'AUTO_UPGRADE' } };
}
