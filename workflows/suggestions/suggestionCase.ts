import { condition, log } from '@temporalio/workflow';
import type { Deadline } from '../../domain/case';
import { closeCase } from '../lib/closeCase';
import { notifyCustomer, notifyParty } from '../lib/notify';
import { failureReason, isPartnerFailure } from '../lib/partnerFailure';
import { declareVersioning } from '../lib/versioning';
import { registerSuggestionHandlers } from './handlers';
import type { SuggestionCaseInput } from './input';
import { routeSuggestion } from './route';
import { SuggestionState } from './state';
import type { SuggestionOutcome } from './vocabulary';
import { suggestions } from './definition';

export interface SuggestionCaseResult {
  outcome: SuggestionOutcome;
}

/** The suggestion's two promises to the customer, timed from intake. */
type SuggestionClock = 'acknowledgement' | 'answer';

/**
 * Suggestion: routed by the policy's rules to the product or the operations queue, acknowledged to
 * the customer at once in their language (late past the policy's time: a breach) → answered by
 * staff, the customer told; or, once the answer window has passed, closed without an answer and
 * the breach reported to supervisors. Described for readers in docs/processes/suggestions.md.
 */
export async function suggestionCase(input: SuggestionCaseInput): Promise<SuggestionCaseResult> {
  const state = new SuggestionState(input.caseId);
  registerSuggestionHandlers(input, state);
  const { journal, facts } = state;
  const { customer, policy } = input;
  const requestedAt = Date.parse(input.requestedAt);
  const due = (clock: SuggestionClock, withinMs: number): Deadline => ({ name: clock, dueAt: new Date(requestedAt + withinMs).toISOString() });
  const acknowledgeBy = due('acknowledgement', policy.acknowledgeWithinMs);
  const answerBy = due('answer', policy.answerWithinMs);

  async function breach(clock: SuggestionClock, targetMs: number): Promise<void> {
    await journal.record('sla.breached', { data: { clock, targetMs } });
    await notifyParty(journal, {
      audience: 'operations',
      recipientId: 'supervisors',
      template: 'sla_breached',
      data: { clock },
      key: ['sla', 'breached', clock],
    });
  }

  async function close(outcome: SuggestionOutcome): Promise<SuggestionCaseResult> {
    await closeCase(state, { outcome, resolution: 'human', surveyed: input });
    return { outcome };
  }

  async function handle(): Promise<SuggestionOutcome> {
    const route = routeSuggestion(input.text, policy);
    await journal.record('suggestion.classified', {
      data: { ...route },
      patch: { details: { topic: route.topic, answerQueue: route.queue }, deadlines: [acknowledgeBy, answerBy] },
    });
    await notifyCustomer(journal, customer, 'suggestion_acknowledged', { topic: route.topic });
    const late = Date.now() > Date.parse(acknowledgeBy.dueAt);
    await journal.record('suggestion.acknowledged', { data: { late }, patch: { deadlines: [answerBy] } });
    if (late) await breach('acknowledgement', policy.acknowledgeWithinMs);
    await journal.record('suggestion.routed', {
      status: route.queue === 'product' ? 'with_product' : 'with_operations',
      data: { queue: route.queue },
    });

    const waitMs = Math.max(1, Date.parse(answerBy.dueAt) - Date.now());
    if (!(await condition(() => facts.answer !== undefined, waitMs))) {
      await breach('answer', policy.answerWithinMs);
      return 'closed_without_answer';
    }
    const answer = facts.answer!;
    await journal.record('suggestion.answered', { by: answer, data: { text: answer.value.text } });
    await notifyCustomer(journal, customer, 'suggestion_answered', { answer: answer.value.text });
    return 'answered';
  }

  try {
    return await close(await handle());
  } catch (err) {
    if (!isPartnerFailure(err)) throw err;
    // The gateway refused the breach report for good, or the timeline stayed down: record why and close.
    log.error('suggestion case failed', { caseId: input.caseId, error: String(err.cause ?? err) });
    await journal.record('case.failed', { data: { error: failureReason(err) } });
    return close('failed');
  }
}

declareVersioning(suggestions.versioning, suggestionCase);
