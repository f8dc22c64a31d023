import type { WorkflowDefinitionOptions } from '@temporalio/common';
import type { WorkflowInfo } from '@temporalio/workflow';
import * as workflow from '@temporalio/workflow';
import * as workflows from '../../workflows';
import { processes } from '../../workflows/registry';
import { deploymentOptions, workerVersion } from '../../worker/versioning';
import { ConfigError, loadConfig } from '../../config/env';

/**
 * How each workflow moves between versions of the worker deployment (docs/versioning.md): what it
 * declares to a versioned worker, read as the SDK reads it before the first activation, and that it
 * declares nothing to an unversioned one, which the server would refuse.
 */

jest.mock('@temporalio/workflow', () => ({ ...jest.requireActual('@temporalio/workflow'), workflowInfo: jest.fn() }));

type Declared = { workflowDefinitionOptions?: () => WorkflowDefinitionOptions };

/** What `fn` declares when its first task runs on a worker of this deployment ('' for an unversioned worker). */
function declared(fn: unknown, deploymentName: string): WorkflowDefinitionOptions | undefined {
  jest.mocked(workflow.workflowInfo).mockReturnValue({ currentDeploymentVersion: { deploymentName, buildId: 'b1' } } as WorkflowInfo);
  return (fn as Declared).workflowDefinitionOptions?.();
}

const exported = Object.entries(workflows);

describe('versioning behaviour of each workflow', () => {
  it.each(exported)('%s declares one to a versioned worker', (_name, fn) => {
    expect(declared(fn, 'after-sales')?.versioningBehavior).toMatch(/^(PINNED|AUTO_UPGRADE)$/);
  });

  it.each(exported)('%s declares none to an unversioned worker', (_name, fn) => {
    expect(declared(fn, '')).toEqual({});
  });

  it.each(processes.map((p) => [p.name, p] as const))("%s's workflow declares the behaviour its definition names", (_name, process) => {
    const fn = (workflows as Record<string, unknown>)[process.workflowType];
    expect(declared(fn, 'after-sales')).toEqual({ versioningBehavior: process.versioning });
  });

  it('pins the scheduled jobs, which end within minutes, and moves every case, its escalation and its survey to the current build', () => {
    const byBehaviour = (behaviour: string) =>
      exported.filter(([, fn]) => declared(fn, 'after-sales')?.versioningBehavior === behaviour).map(([name]) => name).sort();

    expect(byBehaviour('PINNED')).toEqual(['dailyQualitySample', 'partnerReview', 'privacyRetention', 'settleCaseStarts']);
    expect(byBehaviour('AUTO_UPGRADE')).toEqual([
      'caseFeedback',
      'complaintCase',
      'escalation',
      'inquiryCase',
      'installationCase',
      'repairCase',
      'returnCase',
      'suggestionCase',
    ]);
  });
});

describe('the worker deployment version of a worker', () => {
  it('is none without WORKER_DEPLOYMENT_NAME and WORKER_BUILD_ID: an unversioned worker, as the local stack runs', () => {
    const config = loadConfig({});
    expect(workerVersion(config)).toBeUndefined();
    expect(deploymentOptions(workerVersion(config))).toEqual({});
  });

  it('joins the named deployment as that build, cases started before versioning moving with the current build', () => {
    const version = workerVersion(loadConfig({ WORKER_DEPLOYMENT_NAME: 'after-sales', WORKER_BUILD_ID: '1.5.0' }));
    expect(version).toEqual({ deploymentName: 'after-sales', buildId: '1.5.0' });
    expect(deploymentOptions(version)).toEqual({
      workerDeploymentOptions: { version, useWorkerVersioning: true, defaultVersioningBehavior: 'AUTO_UPGRADE' },
    });
  });

  it.each([
    [{ WORKER_DEPLOYMENT_NAME: 'after-sales' }, 'WORKER_BUILD_ID: required with WORKER_DEPLOYMENT_NAME'],
    [{ WORKER_BUILD_ID: '1.5.0' }, 'WORKER_DEPLOYMENT_NAME: required with WORKER_BUILD_ID'],
  ])('refuses half a version (%j), naming what is missing', (env, message) => {
    expect(() => workerVersion(loadConfig(env))).toThrow(ConfigError);
    expect(() => workerVersion(loadConfig(env))).toThrow(message);
  });

  it.each([
    ['a deployment name with a dot, which Temporal reads as the build id', { WORKER_DEPLOYMENT_NAME: 'after.sales', WORKER_BUILD_ID: '1' }, 'WORKER_DEPLOYMENT_NAME'],
    ['a build id with a space', { WORKER_DEPLOYMENT_NAME: 'after-sales', WORKER_BUILD_ID: '1 5' }, 'WORKER_BUILD_ID'],
    ['a build id with a colon, the separator of a version', { WORKER_DEPLOYMENT_NAME: 'after-sales', WORKER_BUILD_ID: 'v:1' }, 'WORKER_BUILD_ID'],
  ])('refuses %s', (_what, env, setting) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`${setting}: letters, digits`));
  });
});
