import { isCancellation } from '@temporalio/workflow';
import { idempotencyKey, partners } from '../lib/activities';
import { Compensations } from '../lib/compensations';
import { notifyCustomer } from '../lib/notify';
import { failureReason, isPartnerFailure } from '../lib/partnerFailure';
import { sendReplacements } from '../lib/replacements';
import type { RepairCaseInput } from './input';
import type { RepairState } from './state';

/** Unrepairable: the same product from stock, or the price paid back when there is none. */
export async function replaceOrRefund(input: RepairCaseInput, state: RepairState): Promise<'replaced' | 'refunded'> {
  const { caseId, customer, item, order } = input;
  const { journal } = state;
  await journal.record('replacement.started', { status: 'replacing' });
  const undo = new Compensations();
  try {
    const [shipped] = await sendReplacements(caseId, customer.id, [{ sku: item.sku, quantity: 1 }], undo);
    await journal.record('replacement.shipped', {
      data: { ...shipped },
      patch: { details: { replacement: { sku: shipped!.sku, trackingNumber: shipped!.trackingNumber } } },
    });
    await notifyCustomer(journal, customer, 'replacement_shipped', { trackingNumbers: [shipped!.trackingNumber] });
    return 'replaced';
  } catch (err) {
    if (isCancellation(err) || !isPartnerFailure(err)) throw err;
    const undone = await undo.run();
    await journal.record('replacement.failed', { data: { error: failureReason(err), compensations: undone } });
  }
  const amount = order.lines.find((l) => l.sku === item.sku)?.unitPrice ?? 0;
  await journal.record('refund.started', { status: 'refunding', data: { amount } });
  const { refundId } = await partners.issueRefund({
    caseId,
    orderId: order.id,
    amount,
    currency: order.currency,
    idempotencyKey: idempotencyKey(caseId, 'refund', 'unrepairable'),
  });
  await journal.record('refund.issued', { data: { refundId, amount, currency: order.currency }, patch: { details: { refundId } } });
  await notifyCustomer(journal, customer, 'refund_issued', { amount, currency: order.currency });
  return 'refunded';
}
