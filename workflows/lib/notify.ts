import { log } from '@temporalio/workflow';
import type { NotificationTemplate } from '../../activities/types';
import type { Customer } from '../../domain';
import { idempotencyKey, notifications } from './activities';

/**
 * Tells the customer about a step. A message that cannot be delivered within its policy window
 * is logged and dropped: a lost notification must never stop a refund.
 */
export async function notifyCustomer(
  caseId: string,
  customer: Customer,
  template: NotificationTemplate,
  data: Record<string, unknown> = {},
): Promise<void> {
  try {
    await notifications.notifyCustomer({
      caseId,
      customer: { id: customer.id, contact: customer.contact },
      template,
      data,
      idempotencyKey: idempotencyKey(caseId, 'notify', template),
    });
  } catch (err) {
    log.warn('customer notification dropped', { caseId, template, error: String(err) });
  }
}
