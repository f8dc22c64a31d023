import type { VersioningBehavior } from '@temporalio/common';
import { setWorkflowOptions, workflowInfo } from '@temporalio/workflow';

/**
 * Declares how a workflow moves between versions of the worker deployment (docs/versioning.md):
 * PINNED runs to its end on the build it started on, AUTO_UPGRADE moves to the current build at its
 * next task and must stay replay-safe with `patched()`.
 *
 * The server refuses a behaviour from an unversioned worker, so it is declared only to a versioned
 * one: the options are read once, before the workflow's first activation, and that activation's
 * deployment version is the history's (a versioned worker names its deployment; an unversioned one
 * reports a version with an empty name). A case started before its workers were versioned declares
 * none and takes the versioned worker's default (worker/versioning.ts).
 */
export function declareVersioning(behavior: VersioningBehavior, workflow: (...args: never[]) => Promise<unknown>): void {
  setWorkflowOptions(() => (workflowInfo().currentDeploymentVersion?.deploymentName ? { versioningBehavior: behavior } : {}), workflow);
}
