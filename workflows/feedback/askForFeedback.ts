import { ParentClosePolicy, patched, startChild } from '@temporalio/workflow';
import type { FeedbackPolicy } from '../../config/policies/feedbackPolicy';
import type { Channel } from '../../domain/case';
import type { CaseCustomer } from '../../domain/customer';
import { caseFeedback } from './caseFeedback';
import { feedbackWorkflowId } from './input';

/** Marks the cases that start their survey as they close; a worker without surveys may have run the others. */
const FEEDBACK_ON_CLOSE = 'feedback-on-close';

/** What every process's input holds that a survey needs; `feedback` is absent on cases opened before surveys. */
export interface SurveyedCase {
  caseId: string;
  type: string;
  channel: Channel;
  customer: CaseCustomer;
  feedback?: FeedbackPolicy;
}

/**
 * Starts the case's feedback survey as a child workflow that outlives the case (docs/feedback.md),
 * unless the outcome is one the policy does not ask about. Cases opened before surveys pinned no
 * feedback policy and are not asked (a return of theirs asks its own survey question).
 */
export async function askForFeedback(surveyed: SurveyedCase, outcome: string, supplierId?: string): Promise<void> {
  const policy = surveyed.feedback;
  if (!policy || policy.skipOutcomes.includes(outcome) || !patched(FEEDBACK_ON_CLOSE)) return;
  const { caseId, type, channel, customer } = surveyed;
  await startChild(caseFeedback, {
    workflowId: feedbackWorkflowId(caseId),
    args: [{ caseId, caseType: type, channel, outcome, customer, policy, ...(supplierId && { supplierId }) }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}
