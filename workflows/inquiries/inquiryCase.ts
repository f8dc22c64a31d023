import { condition, log, patched } from '@temporalio/workflow';
import { type SlaClockName, slaTarget } from '../../config/policies/slaPolicy';
import type { KnowledgeMatch, NotificationTemplate } from '../../activities/types';
import type { Deadline } from '../../domain/case';
import { knowledgeCounts, knowledgeSearch, orderLookup } from '../lib/activities';
import { closeCase } from '../lib/closeCase';
import type { Fact } from '../lib/facts';
import { firstKeywordRule } from '../lib/keywordRules';
import { notifyCustomer, notifyParty } from '../lib/notify';
import { failureReason, isPartnerFailure } from '../lib/partnerFailure';
import { SlaClock } from '../lib/slaClock';
import { declareVersioning } from '../lib/versioning';
import { confidentAnswer } from './confidence';
import { registerInquiryHandlers } from './handlers';
import type { InquiryCaseInput } from './input';
import { orderStatusAnswer } from './orderStatus';
import { InquiryState } from './state';
import type { FirstResponseSource, InquiryOutcome, InquiryTopic } from './vocabulary';
import { inquiries } from './definition';

/**
 * Cases started after this write their classification while the first response is looked up, and
 * the knowledge base's verdict with the response rather than as an event of its own: one local
 * activity fewer in the workflow task that answers the customer, and one more not waited on.
 * Asked once at the start, so the marker sits at one fixed place in history.
 */
const FIRST_RESPONSE_IN_FEWER_WRITES = 'inquiry-first-response-in-fewer-writes';

export interface InquiryCaseResult {
  outcome: InquiryOutcome;
}

/** The first response, as it goes to the customer. */
interface FirstResponse {
  source: FirstResponseSource;
  template: NotificationTemplate;
  data: Record<string, unknown>;
  article?: KnowledgeMatch;
}

/** What the knowledge base answered: its best article and how sure it was. */
type KnowledgeVerdict = Record<string, unknown> & { confident: boolean };

/**
 * Inquiry: a first response under the first_response clock, automated from the order system or
 * the knowledge base, or the hand-over to a person → the customer's word on an automated answer
 * (silence within the policy's window counts as helped) → closed, or a person under the solution
 * clock, whose breach warns and escalates as in every process → answered. A conversion into
 * another case, opened through intake, closes it at any point. Described for readers in
 * docs/processes/inquiries.md.
 */
export async function inquiryCase(input: InquiryCaseInput): Promise<InquiryCaseResult> {
  const state = new InquiryState(input.caseId);
  registerInquiryHandlers(input, state);
  const fewerWrites = patched(FIRST_RESPONSE_IN_FEWER_WRITES);
  const { journal, facts } = state;
  const { customer, policy, sla } = input;
  const requestedAt = Date.parse(input.requestedAt);
  const subject = { caseType: 'inquiry' as const, segment: customer.segment, tier: customer.tier, priority: 'normal' as const, channel: input.channel };
  const clocks: SlaClock[] = [];
  const deadlines = (...extra: Deadline[]): Deadline[] => [
    ...clocks.map((c) => c.deadline()).filter((d): d is Deadline => d !== null),
    ...extra,
  ];
  const clockFailed = () => clocks.some((c) => c.failed);

  function startClock(name: SlaClockName): SlaClock | null {
    const target = slaTarget(sla, name, subject);
    if (!target) return null;
    const clock = new SlaClock(target, { onWarning: (c) => slaEvent('warning', c), onBreach: (c) => slaEvent('breached', c) });
    clocks.push(clock);
    return clock;
  }

  /** Stops a clock once what it timed has happened; a warning or breach it failed to report fails the case. */
  function stopClock(clock: SlaClock | null): void {
    if (!clock) return;
    clock.stop();
    clocks.splice(clocks.indexOf(clock), 1);
    clock.throwIfFailed();
  }

  async function slaEvent(kind: 'warning' | 'breached', clock: SlaClock): Promise<void> {
    await journal.record(`sla.${kind}`, { data: { clock: clock.name, targetMs: clock.target.targetMs } });
    await notifyParty(journal, {
      audience: 'operations',
      recipientId: journal.assignee ?? 'inquiries',
      template: kind === 'warning' ? 'sla_warning' : 'sla_breached',
      data: { clock: clock.name },
      key: ['sla', kind, clock.name],
    });
    // A person owes the answer: a missed solution target goes up the levels, as in every process.
    if (kind === 'breached' && clock.name === 'solution') {
      await state.escalation.escalate(clock.name, { reason: 'solution target missed', levels: policy.escalation.levels });
    }
  }

  /** The order's status from the order system; null when it cannot say in time (a person answers then). */
  async function orderStatus(): Promise<FirstResponse | null> {
    if (!input.orderId) return null;
    try {
      const order = await orderLookup.getOrder({ orderId: input.orderId });
      return order && { source: 'order_system', template: 'inquiry_order_status', data: orderStatusAnswer(order) };
    } catch (err) {
      log.warn('order status unavailable for a first response', { caseId: input.caseId, error: String(err) });
      return null;
    }
  }

  /**
   * The article the knowledge base is confident of (`answer`: null when none is, or it cannot say
   * in time), and what it answered, to be recorded with the first response; cases started before
   * that record it at once, on its own.
   */
  async function knowledgeAnswer(): Promise<{ answer: FirstResponse | null; verdict?: KnowledgeVerdict }> {
    try {
      const { matches } = await knowledgeSearch.searchKnowledge({
        question: input.question,
        ...(customer.language && { locale: customer.language }),
        ...(input.sku && { sku: input.sku }),
        limit: 2,
      });
      const article = confidentAnswer(matches, policy.automatedAnswer);
      const [best, runnerUp] = matches;
      const verdict = {
        ...(best && { articleId: best.articleId, articleVersion: best.version, confidence: best.score }),
        ...(runnerUp && { runnerUpConfidence: runnerUp.score }),
        confident: article !== null,
      };
      if (!fewerWrites) await journal.record('inquiry.knowledge_searched', { data: verdict });
      if (!article) return { answer: null, verdict };
      const { articleId, version, title, body } = article;
      const data = { articleId, version, title, body };
      return { answer: { source: 'knowledge_base', template: 'inquiry_answered_automatically', data, article }, verdict };
    } catch (err) {
      log.warn('knowledge base unavailable for a first response', { caseId: input.caseId, error: String(err) });
      return { answer: null };
    }
  }

  /** The customer hears a person takes it, and within what time when the SLA policy sets one. */
  function handOver(): FirstResponse {
    const withinMs = slaTarget(sla, 'solution', subject)?.targetMs;
    return { source: 'person', template: 'inquiry_handed_over', data: { ...(withinMs !== undefined && { withinMs }) } };
  }

  async function respondFirst(topic: InquiryTopic): Promise<FirstResponse> {
    const clock = startClock('first_response');
    const classified = journal.record('inquiry.classified', { data: { topic }, patch: { details: { topic }, deadlines: deadlines() } });
    // Written while the answer is looked up; a failed write still fails the case, below.
    classified.catch(() => undefined);
    if (!fewerWrites) await classified;
    const fromOrder = topic === 'order_status' ? await orderStatus() : null;
    const searched = fromOrder ? null : await knowledgeAnswer();
    const response = fromOrder ?? searched?.answer ?? handOver();
    const knowledgeBase = fewerWrites ? searched?.verdict : undefined;
    await notifyCustomer(journal, customer, response.template, response.data);
    stopClock(clock);
    await classified;
    const { article } = response;
    await journal.record('inquiry.first_response', {
      status: response.source === 'person' ? 'with_agent' : 'awaiting_confirmation',
      data: { source: response.source, late: clock?.breached ?? false, ...(knowledgeBase && { knowledgeBase }) },
      patch: {
        details: {
          firstResponse: {
            source: response.source,
            afterMs: Math.max(0, Date.now() - requestedAt),
            ...(article && { articleId: article.articleId, articleVersion: article.version, confidence: article.score }),
          },
        },
      },
    });
    return response;
  }

  /** The customer's word on the article sent, counted on the version they were shown. */
  async function countArticle(article: KnowledgeMatch | undefined, helped: boolean): Promise<void> {
    if (!article) return;
    await knowledgeCounts.countArticleOutcome({
      idempotencyKey: journal.keys.key('article', article.articleId, article.version),
      articleId: article.articleId,
      version: article.version,
      answered: helped,
    });
  }

  async function convert(fact: Fact<{ caseId: string; type: string }>): Promise<InquiryOutcome> {
    const link = { caseId: fact.value.caseId, type: fact.value.type };
    await journal.record('inquiry.converted', { by: fact, data: link, patch: { details: { convertedTo: link } } });
    await notifyCustomer(journal, customer, 'inquiry_converted', link);
    return 'converted';
  }

  /**
   * A person's turn, under the solution clock: their answer, a conversion, or the window running
   * out. The customer's "not helped" that led here is answered once the case is with a person.
   */
  async function withAgent(reason: string, cause?: Fact<unknown>): Promise<InquiryOutcome> {
    const clock = startClock('solution');
    await journal.record('inquiry.handed_over', { status: 'with_agent', data: { reason }, patch: { deadlines: deadlines() } });
    cause?.acknowledge();
    const decided = await condition(
      () => facts.answer !== undefined || facts.converted !== undefined || clockFailed(),
      policy.closeUnansweredAfterMs,
    );
    stopClock(clock);
    if (facts.converted) return convert(facts.converted);
    if (!decided) {
      await journal.record('inquiry.unanswered', { data: { afterMs: policy.closeUnansweredAfterMs } });
      return 'closed_without_answer';
    }
    const answer = facts.answer!;
    await journal.record('inquiry.answered', { by: answer, data: { text: answer.value.text } });
    await notifyCustomer(journal, customer, 'inquiry_answered', { answer: answer.value.text });
    return 'answered';
  }

  async function handle(): Promise<{ outcome: InquiryOutcome; automated: boolean }> {
    const topic = firstKeywordRule(input.question, policy.topics)?.topic ?? policy.fallbackTopic;
    const response = await respondFirst(topic);
    if (response.source === 'person') return { outcome: await withAgent('no_automated_answer'), automated: false };

    const confirmBy: Deadline = { name: 'confirmation', dueAt: new Date(Date.now() + policy.confirmWithinMs).toISOString() };
    await journal.record('inquiry.awaiting_confirmation', { patch: { deadlines: [confirmBy] } });
    await condition(() => facts.verdict !== undefined || facts.converted !== undefined, policy.confirmWithinMs);
    if (facts.converted) return { outcome: await convert(facts.converted), automated: facts.converted.actor.kind === 'customer' };
    const verdict = facts.verdict;
    await journal.record('inquiry.confirmed', {
      ...(verdict && { by: verdict }),
      data: { helped: verdict?.value.helped ?? true, answeredBy: verdict ? 'customer' : 'silence', ...(verdict?.value.note && { note: verdict.value.note }) },
      patch: { details: verdict ? { helped: verdict.value.helped } : {} },
    });
    // Silence is not the customer's word: it closes the case but counts on no article.
    if (verdict) await countArticle(response.article, verdict.value.helped);
    if (verdict?.value.helped === false) {
      const { template, data } = handOver();
      await notifyCustomer(journal, customer, template, data);
      return { outcome: await withAgent('not_helped', verdict), automated: false };
    }
    return { outcome: 'answered_automatically', automated: true };
  }

  async function close(outcome: InquiryOutcome, automated: boolean): Promise<InquiryCaseResult> {
    await closeCase(state, { outcome, resolution: automated ? 'automated' : 'human', surveyed: input });
    return { outcome };
  }

  try {
    const { outcome, automated } = await handle();
    return await close(outcome, automated);
  } catch (err) {
    if (!isPartnerFailure(err)) throw err;
    // The gateway refused a message for good, or the timeline stayed down: record why and close.
    log.error('inquiry case failed', { caseId: input.caseId, error: String(err.cause ?? err) });
    await journal.record('case.failed', { data: { error: failureReason(err) } });
    return close('failed', false);
  }
}

declareVersioning(inquiries.versioning, inquiryCase);
