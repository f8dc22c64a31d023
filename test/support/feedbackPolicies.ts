import { minutes, seconds } from '../../config/policies/duration';
import { feedbackPolicies, type FeedbackPolicy } from '../../config/policies/feedbackPolicy';

/** The shipped rules with clocks a test can wait for: a reminder after 1 s, closed after 3 s. */
export const shortFeedbackPolicy: FeedbackPolicy = {
  ...feedbackPolicies.standard,
  version: 'feedback/test-short',
  reminderAfterMs: seconds(1),
  closeAfterMs: seconds(3),
  followUpWithinMs: minutes(30),
};

/** Long enough that no test's survey closes on its own unless it asks for that. */
export const testFeedbackPolicy: FeedbackPolicy = {
  ...feedbackPolicies.standard,
  version: 'feedback/test',
  reminderAfterMs: minutes(10),
  closeAfterMs: minutes(20),
  followUpWithinMs: minutes(30),
};
