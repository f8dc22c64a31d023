import { Context } from '@temporalio/activity';
import { z } from 'zod';
import { renderMessage, renderPartyMessage } from './messages';
import type { CustomerPort, NotificationPort } from './types';
import { partnerClient, type PartnerConfig } from './partnerHttp';

/**
 * The notification gateway; it picks the channel (email, SMS, in-app) from what we give it and
 * delivers the words we wrote: each message's subject and text, rendered here from the template,
 * the customer's language and the workflow's data (activities/messages, docs/notifications.md).
 * Party messages go to a supplier's desk or an operations role, which the gateway addresses by id.
 * A customer's addresses come from the customer system when the message goes out, so they never
 * enter a case's history, and neither do the words: the workflow sends the template and its data.
 */

const Accepted = z.object({ messageId: z.string().min(1) });

/**
 * A message written without some of its sentences (the workflow sent less data than its words
 * use) still goes out; operations hear of it by template, language and placeholder names only. The
 * text and the data are the customer's and are never logged. Outside an activity (adapter tests)
 * there is no logger.
 */
function warnOfMissing(what: { template: string; language?: string; missing: string[] }): void {
  if (what.missing.length === 0) return;
  let log: Context['log'];
  try {
    log = Context.current().log;
  } catch {
    return;
  }
  log.warn('message sent without some of its sentences: data missing', { ...what });
}

export function createNotificationActivities(config: PartnerConfig, customers: Pick<CustomerPort, 'getCustomer'>): NotificationPort {
  const post = partnerClient('notification', config);
  return {
    async notifyCustomer({ idempotencyKey, caseId, customer, template, data }) {
      const contact = customer.contact ?? (await customers.getCustomer({ customerId: customer.id }))?.contact ?? {};
      // Only the addresses leave us: the customer's name and the rest of the contact stay here.
      const to = { email: contact.email, phone: contact.phone };
      const { subject, text, language, missing } = renderMessage(template, customer.language, data);
      warnOfMissing({ template, language, missing });
      return post({
        operation: 'notifyCustomer',
        path: '/notifications/messages',
        idempotencyKey,
        body: { caseId, customerId: customer.id, to, language, template, data, subject, text },
        response: Accepted,
      });
    },

    async notifyParty({ idempotencyKey, caseId, audience, recipientId, template, data }) {
      // Staff read the case id in the words; the workflow's data does not repeat it.
      const { subject, text, missing } = renderPartyMessage(template, { ...(caseId !== undefined && { caseId }), ...data });
      warnOfMissing({ template, missing });
      return post({
        operation: 'notifyParty',
        path: '/notifications/party-messages',
        idempotencyKey,
        body: { ...(caseId !== undefined && { caseId }), audience, recipientId, template, data, subject, text },
        response: Accepted,
      });
    },
  };
}
