import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/**
 * A call that failed for good (refused, or down past its retry window), as the flow sees it: a
 * remote activity's failure arrives wrapped in an ActivityFailure, a local activity's (the
 * notifications, the timeline) as the ApplicationFailure itself. The flows throw neither.
 */
export function isPartnerFailure(err: unknown): err is ActivityFailure | ApplicationFailure {
  return err instanceof ActivityFailure || err instanceof ApplicationFailure;
}

/** The partner's own reason, for the timeline. */
export function failureReason(err: ActivityFailure | ApplicationFailure): string {
  return String(err.cause?.message ?? err.message);
}
