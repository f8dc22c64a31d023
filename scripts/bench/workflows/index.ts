import { condition, defineQuery, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/**
 * Bare Temporal: the same server and SDK doing the least each measured operation needs, with
 * none of our code. Each of our figures is divided by its bare counterpart.
 */

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10 seconds' });

/** The intake baseline: a start and one workflow task. */
export async function bareEmpty(): Promise<void> {}

/** The end-to-end baseline: as many activities, one after the other, as a refund runs. */
export async function bareActivities(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await noop();
}

export const bareStep = defineUpdate<number>('bareStep');
/** Answered once the workflow has run its first task: the baseline's probes start on running workflows, as ours do. */
export const bareTaken = defineQuery<number>('bareTaken');

/** The partner-step baseline: an update that is accepted and answered at once; done after `expected`. */
export async function bareSteps(expected: number): Promise<void> {
  let taken = 0;
  setHandler(bareStep, () => ++taken);
  setHandler(bareTaken, () => taken);
  await condition(() => taken >= expected);
}
