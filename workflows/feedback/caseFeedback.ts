import { condition, setHandler } from '@temporalio/workflow';
import type { FeedbackAnswer, FeedbackAttribution, FeedbackState } from '../../domain/feedback';
import { CaseJournal } from '../lib/caseJournal';
import { auditOf, Fact, invalidPayload, invalidTransition } from '../lib/facts';
import { caseActionUpdate } from '../lib/messages';
import { notifyCustomer, notifyParty } from '../lib/notify';
import { declareVersioning } from '../lib/versioning';
import type { CaseFeedbackInput, FeedbackStatus } from './input';

/**
 * Asks the customer of a resolved case how it went: at once (or after the policy's pause), one
 * reminder, then the survey closes. One answer per case. A low rating puts a follow-up in the
 * supervisors' queue until one of them records what they did, and counts against the repair
 * supplier when its reasons point there. Everything lands on the case's own timeline.
 * Described for readers in docs/feedback.md.
 */
export async function caseFeedback(input: CaseFeedbackInput): Promise<{ status: FeedbackStatus }> {
  const { policy } = input;
  const journal = new CaseJournal<FeedbackStatus>(input.caseId, 'requested', 'feedback');
  let answer: Fact<FeedbackAnswer> | undefined;
  let followedUp: Fact<{ note: string }> | undefined;
  let closesAt = '';

  const allowed = (): string[] => {
    if (journal.status === 'requested' && !answer) return ['feedback'];
    if (journal.status === 'follow_up' && !followedUp) return ['close-follow-up'];
    return [];
  };
  setHandler(
    caseActionUpdate,
    async (req) => {
      const fact = new Fact(req.payload, req.actor, req.requestId);
      fact.audit = auditOf(req);
      if (req.action === 'feedback') answer = fact as Fact<FeedbackAnswer>;
      else followedUp = fact as Fact<{ note: string }>;
      await fact.settled();
      return { status: journal.status };
    },
    {
      validator: (req) => {
        if (!allowed().includes(req.action)) throw invalidTransition(`action "${req.action}"`, journal.status, allowed());
        const given = req.payload as FeedbackAnswer;
        if (req.action === 'feedback' && given.csat <= policy.reasonsAtMostCsat && given.reasons.length === 0) {
          throw invalidPayload('reasons', `say why: a rating of ${policy.reasonsAtMostCsat} or less needs a reason`);
        }
      },
    },
  );

  const show = (state: Omit<FeedbackState, 'closesAt'>) => ({ details: { feedback: { ...state, closesAt } } });
  const notify = (template: 'feedback_request' | 'feedback_reminder') =>
    notifyCustomer(journal, input.customer, template, { caseType: input.caseType, closesAt });

  if (policy.askAfterMs > 0) await condition(() => answer !== undefined, policy.askAfterMs);
  closesAt = new Date(Date.now() + policy.closeAfterMs).toISOString();
  if (!answer) {
    await journal.record('feedback.requested', { data: { outcome: input.outcome, closesAt }, patch: show({ status: 'requested' }) });
    await notify('feedback_request');
  }
  if (!(await condition(() => answer !== undefined, policy.reminderAfterMs))) {
    await notify('feedback_reminder');
    await journal.record('feedback.reminded', { data: { closesAt } });
  }
  if (!(await condition(() => answer !== undefined, policy.closeAfterMs - policy.reminderAfterMs))) {
    await journal.record('feedback.expired', { status: 'expired', patch: show({ status: 'expired' }) });
    return { status: 'expired' };
  }

  const given = answer!;
  const { csat, nps, reasons } = given.value;
  const low = csat <= policy.followUpAtMostCsat;
  const attributedTo: FeedbackAttribution | null =
    low && input.supplierId && reasons.some((r) => policy.supplierReasons.includes(r)) ? { kind: 'supplier', id: input.supplierId } : null;
  const followUp = low ? { open: true, dueAt: new Date(Date.now() + policy.followUpWithinMs).toISOString() } : null;
  await journal.record('feedback.given', {
    status: low ? 'follow_up' : 'answered',
    by: given,
    data: { ...given.value, attributedTo },
    patch: show({ status: 'answered', csat, nps, reasons, attributedTo, followUp }),
  });
  given.acknowledge();
  if (!low) return { status: 'answered' };

  await notifyParty(journal, {
    audience: 'operations',
    recipientId: 'supervisors',
    template: 'feedback_low_rating',
    data: { csat, nps, reasons, caseType: input.caseType, dueAt: followUp!.dueAt },
    key: ['feedback_low_rating'],
  });
  await condition(() => followedUp !== undefined);
  await journal.record('feedback.followed_up', {
    status: 'followed_up',
    by: followedUp,
    data: { note: followedUp!.value.note },
    patch: show({ status: 'answered', csat, nps, reasons, attributedTo, followUp: { open: false, dueAt: followUp!.dueAt } }),
  });
  followedUp!.acknowledge();
  return { status: 'followed_up' };
}

// A survey waits days for its answer: it outlives releases.
declareVersioning('AUTO_UPGRADE', caseFeedback);
