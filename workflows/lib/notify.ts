import { log } from '@temporalio/workflow';
import type { NotificationTemplate, PartyTemplate } from '../../activities/types';
import type { CaseCustomer } from '../../domain/customer';
import { notifications } from './activities';
import type { CaseJournal } from './caseJournal';

/**
 * Tells the customer about a step, once per occurrence (a second visit booking is a second
 * message). A message that cannot be delivered within its policy window is logged and dropped: a
 * lost notification must never stop a refund.
 */
export async function notifyCustomer(
  journal: CaseJournal<string>,
  customer: CaseCustomer,
  template: NotificationTemplate,
  data: Record<string, unknown> = {},
): Promise<void> {
  const { caseId } = journal;
  try {
    await notifications.notifyCustomer({
      caseId,
      // The gateway's address comes from the customer system at send time; only cases opened
      // before that carry a contact of their own.
      customer: { id: customer.id, language: customer.language ?? 'en', ...(customer.contact && { contact: customer.contact }) },
      template,
      data,
      idempotencyKey: journal.keys.key('notify', template),
    });
  } catch (err) {
    log.warn('customer notification dropped', { caseId, template, error: String(err) });
  }
}

/**
 * Tells a supplier's desk or an operations role, once per occurrence of `key` (the step parts
 * that name the message, such as the clock and the reopening it belongs to).
 */
export async function notifyParty(
  journal: CaseJournal<string>,
  message: {
    audience: 'supplier' | 'operations';
    recipientId: string;
    template: PartyTemplate;
    data: Record<string, unknown>;
    key: (string | number)[];
  },
): Promise<void> {
  const { key, ...party } = message;
  await notifications.notifyParty({ caseId: journal.caseId, ...party, idempotencyKey: journal.keys.key(...key) });
}
