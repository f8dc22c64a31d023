import type { ActivityOptions } from '@temporalio/common';

/**
 * Timeouts and retries for every activity port. Workflows import these (they are plain data), so
 * no duration is ever a literal in workflow code. Partners are retried with backoff for a day:
 * a refund must not be lost because payments was down for an hour.
 */

const partner: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 day',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: ['PartnerRejected'],
  },
};

const caseStore: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/** A message that cannot be delivered within an hour is no longer worth sending. */
const notification: ActivityOptions = {
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/** A daily job reads a whole day of cases (the quality draw): minutes, not seconds, per attempt. */
const dailyJob: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
};

/**
 * A page of the reconciler's case starts: a few seconds of look-ups and starts, heartbeating as it
 * goes. Given up after ten minutes, when the run fails and the schedule's next run reads the
 * pages again.
 */
const caseStarts: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '30 seconds',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * What a first response waits on (the knowledge base, the order's status): it must answer within
 * the inquiry's first-response target (30 s), so it is given up after a few seconds and the
 * inquiry goes to a person instead of waiting on a slow dependency.
 */
const firstResponse: ActivityOptions = {
  startToCloseTimeout: '4 seconds',
  scheduleToCloseTimeout: '12 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', nonRetryableErrorTypes: ['PartnerRejected'] },
};

export const activityOptions = { partner, caseStore, notification, dailyJob, caseStarts, firstResponse } as const;
