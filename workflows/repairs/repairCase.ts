import { condition, isCancellation, log, patched, TemporalFailure } from '@temporalio/workflow';
import type { NotificationTemplate, VisitSlot } from '../../activities/types';
import type { RepairOutcome } from './vocabulary';
import { caseStore, idempotencyKey, knowledgeCounts, partners } from '../lib/activities';
import { closeCase } from '../lib/closeCase';
import { failureReason, isPartnerFailure } from '../lib/partnerFailure';
import { Compensations, type Registered } from '../lib/compensations';
import { notifyCustomer } from '../lib/notify';
import { declareVersioning } from '../lib/versioning';
import { replaceOrRefund } from './fallback';
import { registerRepairHandlers } from './handlers';
import type { RepairCaseInput } from './input';
import { type RepairFacts, RepairState } from './state';
import { type SupplierClock, SupplierDesk } from './supplierDesk';
import {
  articleTitle,
  guideMessageData,
  offeredEventData,
  type TroubleshootingArticle,
  troubleshootingArticle,
} from './troubleshootingArticle';
import { warrantyStatus } from './warranty';
import { repairs } from './definition';

export interface RepairCaseResult {
  outcome: RepairOutcome;
}

/** Ends the flow early with an outcome; the workflow's catch closes the case. */
class Closing extends Error {
  constructor(readonly outcome: RepairOutcome) {
    super(outcome);
  }
}

/** The customer cancelled while the repair order was being placed: it is cancelled at the supplier. */
class CancelledByCustomer extends Error {}

/**
 * Changes guarded for repairs recorded before them (docs/architecture.md, "Cases in flight survive changes"):
 * a cancel that arrives while the order is placed is honoured, a failed repair cancels its repair
 * order and refunds a paid quote, and a paid quote is refunded when the item proves unrepairable.
 */
const CANCEL_WHILE_ORDERING = 'repair-cancel-while-ordering';
const FAILURE_UNDOES = 'repair-failure-undoes';
const QUOTE_REFUNDED_WHEN_UNREPAIRABLE = 'repair-quote-refunded-when-unrepairable';
/**
 * Troubleshooting offers the knowledge base's article for the customer's description when it is
 * confident enough, and counts the customer's answer on it; cases from before offer the policy's
 * article. Decided at the start, as the local ports are (workflows/lib/activities.ts), so the
 * marker sits at one fixed place in history; patched() asked again later could answer otherwise.
 */
const TROUBLESHOOTING_FROM_KNOWLEDGE_BASE = 'troubleshooting-from-knowledge-base';

/**
 * Repair: warranty check → guided troubleshooting (may end it remotely) → a repair
 * order at the category's supplier → supplier steps by signed webhook, each against the
 * supplier's response SLA: received → diagnosed (a quote waits for the customer) → repaired or
 * unrepairable → shipped back → the customer confirms, or the case closes itself. Products
 * repaired on site get a technician visit instead. Unrepairable falls back to a replacement,
 * else a refund.
 * Described for readers in docs/processes/repairs.md.
 */
export async function repairCase(input: RepairCaseInput): Promise<RepairCaseResult> {
  const state = new RepairState(input.caseId);
  const fromKnowledgeBase = patched(TROUBLESHOOTING_FROM_KNOWLEDGE_BASE);
  registerRepairHandlers(input, state);
  const { journal, facts } = state;
  const { caseId, customer, policy, item } = input;
  const supplier = new SupplierDesk(input, state);
  const notify = (template: NotificationTemplate, data?: Record<string, unknown>) => notifyCustomer(journal, customer, template, data);
  const arrived = (slot: keyof RepairFacts) => facts[slot] !== undefined && !facts[slot]!.acknowledged;
  const undo = new Compensations();
  let paidQuote: { refund: Registered; amount: number; currency: string } | undefined;

  /** A cancel taken while the case was still requested, once the order exists to be cancelled. */
  function stopIfCancelled(): void {
    if (arrived('cancel') && patched(CANCEL_WHILE_ORDERING)) throw new CancelledByCustomer();
  }

  async function close(outcome: RepairOutcome): Promise<RepairCaseResult> {
    await closeCase(state, { outcome, resolution: state.handledByHuman ? 'human' : 'automated', surveyed: input, supplierId: state.supplierId });
    return { outcome };
  }

  /** The policy's article for the category, as cases from before the knowledge base offer it. */
  function policyArticle(): TroubleshootingArticle | null {
    const fixed = policy.troubleshooting[item.category];
    return fixed ? { source: 'policy', ...fixed, reason: 'not_searched' } : null;
  }

  async function troubleshoot(): Promise<void> {
    const article = fromKnowledgeBase ? await troubleshootingArticle(input) : policyArticle();
    if (!article) return;
    await journal.record('troubleshooting.offered', {
      status: 'troubleshooting',
      data: fromKnowledgeBase ? offeredEventData(article) : { article: articleTitle(article) },
      patch: { deadlines: [journal.deadline('troubleshooting', policy.troubleshootingWindowMs)] },
    });
    await notify('troubleshooting_guide', guideMessageData(article));
    const answered = await condition(() => arrived('troubleshooting') || arrived('cancel'), policy.troubleshootingWindowMs);
    if (arrived('cancel')) {
      const cancel = facts.cancel!;
      await journal.record('case.cancelled', { by: cancel, data: { reason: cancel.value.reason } });
      throw new Closing('cancelled_by_customer');
    }
    const answer = facts.troubleshooting;
    if (answered && answer?.value.fixed) {
      await journal.record('troubleshooting.fixed', { by: answer });
      await countOutcome(article, true);
      throw new Closing('resolved_remotely');
    }
    // The customer's "not fixed" is answered once the repair order exists, with the status it led to.
    await journal.record(answered ? 'troubleshooting.not_fixed' : 'troubleshooting.timed_out', {
      by: answer,
      data: { note: answer?.value.note },
    });
    // Silence says nothing about the article: only an answer is counted.
    if (answered) await countOutcome(article, false);
  }

  /** The customer's word on a knowledge-base article, on the version they were sent, once per case. */
  async function countOutcome(article: TroubleshootingArticle, answered: boolean): Promise<void> {
    if (article.source !== 'knowledge_base') return;
    const { articleId, version } = article.match;
    try {
      await knowledgeCounts.countArticleOutcome({
        idempotencyKey: journal.keys.key('article-outcome', articleId),
        articleId,
        version,
        answered,
      });
    } catch (err) {
      // A counter is not worth the case: the repair goes on without it.
      if (!(err instanceof TemporalFailure) || isCancellation(err)) throw err;
      log.warn('article outcome not counted', { caseId, articleId, version, error: String(err.cause ?? err) });
    }
  }

  async function placeOrder(inWarranty: boolean, onSite: boolean): Promise<string> {
    state.supplierId = supplier.supplierId;
    const { repairOrderId } = await partners.createRepairOrder({
      caseId,
      supplierId: supplier.supplierId,
      sku: item.sku,
      category: item.category,
      serialNumber: item.serialNumber,
      problem: input.problem,
      inWarranty,
      onSite,
      idempotencyKey: idempotencyKey(caseId, 'repair-order'),
    });
    return repairOrderId;
  }

  async function repairAtSupplier(repairOrderId: string): Promise<RepairOutcome> {
    const receiving = supplier.clock('received');
    await journal.record('repair.ordered', {
      status: 'repair_ordered',
      data: { supplierId: supplier.supplierId, repairOrderId },
      patch: { details: { supplierId: supplier.supplierId, repairOrderId }, deadlines: [supplier.deadlineOf(receiving)] },
    });
    facts.troubleshooting?.acknowledge();
    await notify('repair_ordered', { supplierId: supplier.supplierId });
    await supplier.await(receiving);
    const diagnosing = supplier.clock('diagnosed');
    await supplier.take('at_supplier', { deadlines: [supplier.deadlineOf(diagnosing)] });

    await supplier.await(diagnosing);
    const quote = supplier.pendingStep.quote;
    let repairing: SupplierClock | null;
    if (quote) {
      await supplier.take('awaiting_quote_approval', {
        deadlines: [journal.deadline('quote_approval', policy.quoteApprovalWindowMs)],
      });
      await notify('repair_quote', { ...quote });
      repairing = await decideQuote(quote);
    } else {
      repairing = supplier.clock('repair');
      await supplier.take('repairing', { deadlines: [supplier.deadlineOf(repairing)] });
    }
    if (repairing) {
      await supplier.await(repairing);
      if (supplier.pendingStep.step === 'unrepairable') {
        await supplier.take('replacing');
        if (paidQuote && patched(QUOTE_REFUNDED_WHEN_UNREPAIRABLE)) {
          paidQuote.refund.discard();
          const { amount, currency } = paidQuote;
          const refundId = await refundQuote(paidQuote);
          await journal.record('quote.refunded', { data: { refundId, amount, currency } });
          await notify('refund_issued', { amount, currency });
        }
        return replaceOrRefund(input, state);
      }
      await supplier.take('awaiting_ship_back', { deadlines: [supplier.deadlineOf(supplier.clock('shipped_back'))] });
    }

    await supplier.await(supplier.clock('shipped_back'));
    const { trackingNumber } = await supplier.take('shipped_back', {
      deadlines: [journal.deadline('receipt_confirmation', policy.autoCloseAfterShipBackMs)],
      details: { returnTrackingNumber: supplier.pendingStep.trackingNumber },
    });
    await notify('repair_shipped_back', { trackingNumber });
    const confirmed = await condition(() => arrived('confirm'), policy.autoCloseAfterShipBackMs);
    await journal.record(confirmed ? 'receipt.confirmed' : 'receipt.assumed', { by: facts.confirm });
    return repairing ? 'repaired' : 'returned_unrepaired';
  }

  /**
   * Approved: the customer pays the quote and the repair clock starts. Declined or expired: the
   * item is shipped back as is (null).
   */
  async function decideQuote(quote: { amount: number; currency: string }): Promise<SupplierClock | null> {
    const decided = await condition(() => arrived('quote'), policy.quoteApprovalWindowMs);
    const decision = facts.quote;
    if (decided && decision!.value.approved) {
      const { chargeId } = await partners.chargeCustomer({
        caseId,
        orderId: input.order.id,
        customerId: customer.id,
        amount: quote.amount,
        currency: quote.currency,
        idempotencyKey: idempotencyKey(caseId, 'repair-quote'),
      });
      const refund = undo.add('refund the paid quote', () => refundQuote(quote));
      paidQuote = { refund, ...quote };
      const repairing = supplier.clock('repair');
      await journal.record('quote.approved', {
        status: 'repairing',
        by: decision!,
        data: { chargeId, ...quote },
        patch: { deadlines: [supplier.deadlineOf(repairing)] },
      });
      decision!.acknowledge();
      return repairing;
    }
    await journal.record(decided ? 'quote.declined' : 'quote.expired', {
      status: 'awaiting_ship_back',
      by: decision,
      data: { reason: decision?.value.reason },
      patch: { deadlines: [supplier.deadlineOf(supplier.clock('shipped_back'))] },
    });
    decision?.acknowledge();
    return null;
  }

  /** The quote the customer paid, back to them; one refund however often it is asked for. */
  async function refundQuote(quote: { amount: number; currency: string }): Promise<string> {
    const { refundId } = await partners.issueRefund({
      caseId,
      orderId: input.order.id,
      amount: quote.amount,
      currency: quote.currency,
      idempotencyKey: idempotencyKey(caseId, 'refund', 'repair-quote'),
    });
    return refundId;
  }

  async function repairOnSite(repairOrderId: string): Promise<RepairOutcome> {
    const { slots } = await partners.listVisitSlots({ caseId, supplierId: supplier.supplierId, repairOrderId });
    let booked = await bookVisit(repairOrderId, slots[0]!, 0);
    stopIfCancelled();
    await journal.record('visit.booked', {
      status: 'visit_scheduled',
      data: { supplierId: supplier.supplierId, repairOrderId, slot: booked },
      patch: {
        details: { supplierId: supplier.supplierId, repairOrderId, visit: booked },
        deadlines: [supplier.deadlineOf(supplier.clock('visit_completed', booked.end))],
      },
    });
    await notify('visit_booked', { start: booked.start, end: booked.end });
    for (let attempt = 1; ; attempt++) {
      await supplier.await(supplier.clock('visit_completed', booked.end), () => arrived('reschedule'));
      if (!arrived('reschedule')) break;
      const request = facts.reschedule!;
      const slot = slots.find((s) => s.slotId === request.value.slotId) ?? slots.find((s) => s.slotId !== booked.slotId)!;
      booked = await bookVisit(repairOrderId, slot, attempt);
      await journal.record('visit.rescheduled', {
        by: request,
        data: { requested: request.value.slotId ?? null, slot: booked },
        patch: { details: { visit: booked }, deadlines: [supplier.deadlineOf(supplier.clock('visit_completed', booked.end))] },
      });
      request.acknowledge();
      await notify('visit_booked', { start: booked.start, end: booked.end, rescheduled: true });
    }
    const visit = await supplier.take('visit_scheduled');
    if (visit.outcome === 'repaired') return 'repaired';
    // The scorecard's unrepairable rate counts unrepairable steps; at home that is the visit's verdict.
    await caseStore.recordSupplierStep({
      supplierId: supplier.supplierId,
      caseId,
      step: 'unrepairable',
      requestedAt: visit.occurredAt,
      completedAt: visit.occurredAt,
      dueAt: visit.occurredAt,
    });
    return replaceOrRefund(input, state);
  }

  async function bookVisit(repairOrderId: string, slot: VisitSlot, attempt: number): Promise<VisitSlot> {
    const visit = await partners.bookVisit({
      caseId,
      supplierId: supplier.supplierId,
      repairOrderId,
      slotId: slot.slotId,
      idempotencyKey: idempotencyKey(caseId, 'visit', attempt),
    });
    return visit.slot;
  }

  try {
    const warranty = warrantyStatus(input, new Date());
    await journal.record('warranty.checked', {
      data: { ...warranty },
      patch: { details: { inWarranty: warranty.inWarranty, warrantyEndsAt: warranty.endsAt } },
    });
    const onSite = policy.onSiteCategories.includes(item.category);
    if (!onSite) await troubleshoot();
    state.handledByHuman = true;
    const repairOrderId = await placeOrder(warranty.inWarranty, onSite);
    undo.add('cancel the repair order', () =>
      partners.cancelRepairOrder({
        caseId,
        supplierId: supplier.supplierId,
        repairOrderId,
        idempotencyKey: idempotencyKey(caseId, 'cancel-repair-order'),
      }),
    );
    stopIfCancelled();
    return await close(await (onSite ? repairOnSite(repairOrderId) : repairAtSupplier(repairOrderId)));
  } catch (err) {
    if (err instanceof Closing) return close(err.outcome);
    if (err instanceof CancelledByCustomer) {
      const undone = await undo.run();
      const cancel = facts.cancel!;
      await journal.record('case.cancelled', { by: cancel, data: { reason: cancel.value.reason, compensations: undone } });
      return close('cancelled_by_customer');
    }
    if (!isPartnerFailure(err)) throw err;
    // A partner refused for good (or stayed down past the retry window): undo what the repair
    // started (the order at the supplier, a paid quote), record why, and close.
    log.error('repair case failed', { caseId, error: String(err.cause ?? err) });
    const undone = patched(FAILURE_UNDOES) ? await undo.run() : undefined;
    await journal.record('case.failed', { data: { error: failureReason(err), ...(undone && { compensations: undone }) } });
    return close('failed');
  }
}

declareVersioning(repairs.versioning, repairCase);
