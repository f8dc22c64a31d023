import { condition, isCancellation, log, patched } from '@temporalio/workflow';
import { type SlaTarget, slaTarget } from '../../config/policies/slaPolicy';
import type { NotificationTemplate } from '../../activities/types';
import type { Actor } from '../../domain/case';
import { idempotencyKey, partners } from '../lib/activities';
import { systemActor } from '../lib/caseJournal';
import { Compensations } from '../lib/compensations';
import { closeCase } from '../lib/closeCase';
import { notifyCustomer, notifyParty } from '../lib/notify';
import { failureReason, isPartnerFailure } from '../lib/partnerFailure';
import { sendReplacements } from '../lib/replacements';
import { SlaClock, targetDeadline } from '../lib/slaClock';
import { declareVersioning } from '../lib/versioning';
import { assessEligibility } from './eligibility';
import { registerReturnHandlers } from './handlers';
import type { ReturnCaseInput } from './input';
import { exchangeDifference, itemsValue } from './pricing';
import { ReturnState } from './state';
import type { ReturnOutcome } from './vocabulary';
import { returns } from './definition';

export interface ReturnCaseResult {
  outcome: ReturnOutcome;
}

/** Thrown inside the flow to stop at the customer's cancel request; never leaves the workflow. */
class CancelledByCustomer extends Error {}

/** Ends the flow early with an outcome; the workflow's catch closes the case. */
class Closing extends Error {
  constructor(
    readonly outcome: ReturnOutcome,
    readonly data: Record<string, unknown> = {},
  ) {
    super(outcome);
  }
}

/** The replacement could not be sent; its steps are undone and the customer is refunded instead. */
class ExchangeFailed extends Error {}

/** Guards the change for returns recorded before it (docs/architecture.md, "Cases in flight survive changes"). */
const LABEL_UNDO_ENDS_AT_PICKUP = 'return-label-undo-ends-at-pickup';
const RETURN_TOLD_TO_ORDER_SYSTEM = 'return-told-to-order-system';

/**
 * The review's target: the pinned SLA policy's `review` clock, or, for a case opened before the
 * review target moved there, the deadline its own return policy pinned. None: no deadline.
 */
function reviewTarget(input: ReturnCaseInput): SlaTarget | null {
  const { sla, policy, customer, channel, type } = input;
  if (sla) return slaTarget(sla, 'review', { caseType: type, segment: customer.segment, tier: customer.tier, priority: 'normal', channel });
  if (policy.reviewDeadlineMs === undefined) return null;
  return { clock: 'review', targetMs: policy.reviewDeadlineMs, calendar: null, warnAt: policy.reviewWarnAt ?? 0.8 };
}

/**
 * Return / exchange: eligibility → approval (automatic or an agent's review raced
 * against its deadline) → return label → carrier scans within the ship-by window → warehouse
 * inspection → refund or exchange → survey → closed. Every side effect registers its undo, and
 * every step the customer cares about is told to them.
 * Described for readers in docs/processes/returns.md.
 */
export async function returnCase(input: ReturnCaseInput): Promise<ReturnCaseResult> {
  const state = new ReturnState(input.caseId);
  registerReturnHandlers(input, state);
  const { journal, facts } = state;
  const { caseId, customer, policy } = input;
  const undo = new Compensations();
  const notify = (template: NotificationTemplate, data?: Record<string, unknown>) => notifyCustomer(journal, customer, template, data);

  async function close(outcome: ReturnOutcome, data: Record<string, unknown> = {}): Promise<ReturnCaseResult> {
    await closeCase(state, { outcome, resolution: state.handledBy ? 'human' : 'automated', data, surveyed: input });
    return { outcome };
  }

  async function tellReviewers(template: 'sla_warning' | 'sla_breached'): Promise<void> {
    await notifyParty(journal, { audience: 'operations', recipientId: 'returns', template, data: { clock: 'review' }, key: [template, 'review'] });
  }

  function stopIfCancelled(): void {
    if (facts.cancel) throw new CancelledByCustomer();
  }

  async function approve(): Promise<void> {
    const verdict = assessEligibility(input, new Date());
    if (!verdict.eligible) {
      await journal.record('eligibility.refused', { data: { reason: verdict.reason, detail: verdict.detail } });
      await notify('case_rejected', { reason: verdict.detail });
      throw new Closing('not_eligible', { reason: verdict.reason });
    }
    await notify('case_received', { type: input.type });
    if (verdict.autoApprove) {
      await journal.record('case.approved', { status: 'approved', data: { by: 'policy', policy: policy.version } });
      return;
    }
    const target = reviewTarget(input);
    await journal.record('review.requested', {
      status: 'under_review',
      patch: { deadlines: target ? [targetDeadline(target)] : [] },
    });
    await notify('case_under_review');
    const reviewSla =
      target &&
      new SlaClock(target, {
        onWarning: () => tellReviewers('sla_warning'),
        onBreach: async () => {
          await journal.record('sla.breached', { data: { clock: 'review' } });
          await tellReviewers('sla_breached');
        },
      });
    const arrived = () => facts.review !== undefined || facts.cancel !== undefined;
    await condition(() => arrived() || reviewSla?.breached === true || reviewSla?.failed === true);
    const decided = arrived();
    reviewSla?.stop();
    await reviewSla?.finished;
    reviewSla?.throwIfFailed();
    stopIfCancelled();
    const review = facts.review;
    const decision = decided && review ? review.value.decision : policy.onReviewTimeout;
    const reviewedBy = decided ? review : undefined;
    const reviewer: Actor = reviewedBy?.actor ?? systemActor;
    if (review) state.handledBy = reviewer;
    if (!decided) await journal.record('review.timed_out', { data: { applied: decision } });
    if (decision === 'reject') {
      await journal.record('review.rejected', { by: reviewedBy, data: { note: review?.value.note } });
      await notify('case_rejected', { reason: review?.value.note });
      throw new Closing('rejected_by_review');
    }
    await journal.record('case.approved', { status: 'approved', by: reviewedBy, data: { note: review?.value.note } });
    review?.acknowledge();
  }

  async function collectParcel(): Promise<void> {
    stopIfCancelled();
    const label = await partners.createReturnLabel({
      caseId,
      customerId: customer.id,
      items: input.items.map(({ sku, quantity }) => ({ sku, quantity })),
      idempotencyKey: idempotencyKey(caseId, 'return-label'),
    });
    state.label = label;
    const voidLabel = undo.add('void return label', () =>
      partners.voidLabel({ caseId, labelId: label.labelId, idempotencyKey: idempotencyKey(caseId, 'void-label') }),
    );
    stopIfCancelled();
    // Who carries the parcel and where it goes, as logistics issued it: only they report its steps.
    const returnLabel = { carrier: label.carrier, trackingNumber: label.trackingNumber, warehouseId: label.warehouseId };
    await journal.record('label.issued', {
      status: 'label_issued',
      data: returnLabel,
      patch: {
        details: { returnLabel },
        deadlines: [journal.deadline('ship_by', policy.shipByMs)],
      },
    });
    await notify('return_label', { labelUrl: label.labelUrl, trackingNumber: label.trackingNumber });

    const shipped = await condition(() => facts.pickedUp !== undefined || facts.cancel !== undefined, policy.shipByMs);
    stopIfCancelled();
    if (!shipped) {
      const undone = await undo.run();
      await journal.record('ship_by.expired', { data: { compensations: undone } });
      await notify('case_cancelled', { reason: 'the parcel was not handed to the carrier in time' });
      throw new Closing('cancelled_not_shipped');
    }
    const pickup = facts.pickedUp!;
    // The carrier has the parcel: the label is used, and voiding it would undo nothing.
    if (patched(LABEL_UNDO_ENDS_AT_PICKUP)) voidLabel.discard();
    await journal.record('parcel.picked_up', {
      status: 'in_transit',
      by: pickup,
      data: { ...pickup.value },
      patch: { deadlines: [] },
    });
    pickup.acknowledge();

    await condition(() => facts.delivered !== undefined);
    const delivery = facts.delivered!;
    await journal.record('parcel.delivered', { status: 'received', by: delivery, data: { ...delivery.value } });
    delivery.acknowledge();
    await notify('parcel_received');
  }

  async function inspect(): Promise<boolean> {
    await condition(() => facts.inspection !== undefined);
    const inspection = facts.inspection!;
    await journal.record('inspection.completed', {
      status: 'inspected',
      by: inspection,
      data: { ...inspection.value },
      patch: { details: { inspection: inspection.value.result } },
    });
    inspection.acknowledge();
    return inspection.value.result === 'restockable';
  }

  async function restock(): Promise<void> {
    for (const [index, item] of input.items.entries()) {
      await partners.restock({
        caseId,
        sku: item.sku,
        quantity: item.quantity,
        idempotencyKey: idempotencyKey(caseId, 'restock', index),
      });
    }
    const lines = input.items.map(({ sku, quantity }) => ({ sku, quantity }));
    await journal.record('stock.restocked', { data: { items: lines } });
    if (patched(RETURN_TOLD_TO_ORDER_SYSTEM)) await tellOrderSystem(lines);
  }

  /**
   * The order system counts what came back, so a later return of the line is measured against what
   * is left. Its refusal must not hold up the customer's money: the timeline says so for operations.
   */
  async function tellOrderSystem(lines: { sku: string; quantity: number }[]): Promise<void> {
    const orderId = input.order.id;
    try {
      await partners.recordReturn({ orderId, caseId, lines, idempotencyKey: idempotencyKey(caseId, 'order-return') });
      await journal.record('order.return_recorded', { data: { orderId, items: lines } });
    } catch (err) {
      if (!isPartnerFailure(err)) throw err;
      await journal.record('order.return_not_recorded', { data: { orderId, items: lines, error: failureReason(err) } });
    }
  }

  async function refund(amount: number, reason: string): Promise<void> {
    await journal.record('refund.started', { status: 'refunding', data: { amount, reason } });
    const { refundId } = await partners.issueRefund({
      caseId,
      orderId: input.order.id,
      amount,
      currency: input.order.currency,
      idempotencyKey: idempotencyKey(caseId, 'refund', reason),
    });
    await journal.record('refund.issued', { data: { refundId, amount, currency: input.order.currency }, patch: { details: { refundId } } });
    await notify('refund_issued', { amount, currency: input.order.currency });
  }

  /** Reserve, ship and settle; any failure undoes what this exchange did, then the caller refunds. */
  async function exchange(): Promise<void> {
    await journal.record('exchange.started', { status: 'exchanging' });
    const exchangeUndo = new Compensations();
    try {
      const replacements = input.items.map((item) => ({ sku: item.replacementSku ?? item.sku, quantity: item.quantity }));
      const shipped = await sendReplacements(caseId, customer.id, replacements, exchangeUndo);
      await settleDifference(exchangeDifference(itemsValue(input), shipped));
      await journal.record('replacement.shipped', {
        data: { shipments: shipped },
        patch: { details: { replacements: shipped.map(({ sku, trackingNumber }) => ({ sku, trackingNumber })) } },
      });
      await notify('replacement_shipped', { trackingNumbers: shipped.map((s) => s.trackingNumber) });
    } catch (err) {
      if (isCancellation(err)) throw err;
      const undone = await exchangeUndo.run();
      await journal.record('exchange.failed', { data: { error: String(err), compensations: undone } });
      throw new ExchangeFailed();
    }
  }

  async function settleDifference(difference: number): Promise<void> {
    const currency = input.order.currency;
    if (difference > 0) {
      const { chargeId } = await partners.chargeCustomer({
        caseId,
        orderId: input.order.id,
        customerId: customer.id,
        amount: difference,
        currency,
        idempotencyKey: idempotencyKey(caseId, 'charge-difference'),
      });
      await journal.record('price_difference.charged', { data: { chargeId, amount: difference, currency } });
    } else if (difference < 0) {
      const { refundId } = await partners.issueRefund({
        caseId,
        orderId: input.order.id,
        amount: -difference,
        currency,
        idempotencyKey: idempotencyKey(caseId, 'refund', 'price-difference'),
      });
      await journal.record('price_difference.refunded', { data: { refundId, amount: -difference, currency } });
    }
  }

  /** Cases that pinned a feedback policy are asked as they close, like every case; older ones ask here. */
  async function survey(outcome: ReturnOutcome): Promise<ReturnCaseResult> {
    if (input.feedback) return close(outcome);
    await journal.record('survey.requested', {
      status: 'awaiting_survey',
      patch: { outcome, deadlines: [journal.deadline('survey', policy.surveyWindowMs)] },
    });
    await notify('survey_request');
    if (await condition(() => facts.survey !== undefined, policy.surveyWindowMs)) {
      const answer = facts.survey!;
      await journal.record('survey.answered', { by: answer, data: { ...answer.value } });
      answer.acknowledge();
    }
    return close(outcome);
  }

  try {
    await approve();
    await collectParcel();
    if (!(await inspect())) {
      await notify('case_rejected', { reason: 'the returned item failed inspection' });
      return await survey('rejected_after_inspection');
    }
    await restock();
    if (input.type === 'exchange') {
      try {
        await exchange();
        return await survey('exchanged');
      } catch (err) {
        if (!(err instanceof ExchangeFailed)) throw err;
      }
    }
    await refund(itemsValue(input), 'return');
    return await survey('refunded');
  } catch (err) {
    if (err instanceof Closing) return close(err.outcome, err.data);
    if (err instanceof CancelledByCustomer) {
      const undone = await undo.run();
      const cancel = facts.cancel!;
      await journal.record('case.cancelled', { by: cancel, data: { reason: cancel.value.reason, compensations: undone } });
      await notify('case_cancelled', { reason: cancel.value.reason });
      return close('cancelled_by_customer');
    }
    if (!isPartnerFailure(err)) throw err;
    // A partner refused for good (or stayed down past the retry window): undo, record why, and
    // close so the order line is free for a new request instead of leaving the case hanging.
    log.error('return case failed', { caseId, error: String(err.cause ?? err) });
    const undone = await undo.run();
    await journal.record('case.failed', { data: { error: failureReason(err), compensations: undone } });
    return close('failed');
  }
}

declareVersioning(returns.versioning, returnCase);
