import { z } from 'zod';
import type { CustomerPort, NotificationPort } from './types';
import { partnerClient, type PartnerConfig } from './partnerHttp';

/**
 * The notification gateway; it picks the channel (email, SMS, in-app) from what we give it and
 * writes in the customer's language. Party messages go to a supplier's desk or an operations role,
 * which the gateway addresses by id. A customer's addresses come from the customer system when the
 * message goes out, so they never enter a case's history.
 */

const Accepted = z.object({ messageId: z.string().min(1) });

export function createNotificationActivities(config: PartnerConfig, customers: Pick<CustomerPort, 'getCustomer'>): NotificationPort {
  const post = partnerClient('notification', config);
  return {
    async notifyCustomer({ idempotencyKey, caseId, customer, template, data }) {
      const contact = customer.contact ?? (await customers.getCustomer({ customerId: customer.id }))?.contact ?? {};
      // Only the addresses leave us: the customer's name and the rest of the contact stay here.
      const to = { email: contact.email, phone: contact.phone };
      return post({
        operation: 'notifyCustomer',
        path: '/notifications/messages',
        idempotencyKey,
        body: { caseId, customerId: customer.id, to, language: customer.language ?? 'en', template, data },
        response: Accepted,
      });
    },

    async notifyParty({ idempotencyKey, caseId, audience, recipientId, template, data }) {
      return post({
        operation: 'notifyParty',
        path: '/notifications/party-messages',
        idempotencyKey,
        body: { ...(caseId !== undefined && { caseId }), audience, recipientId, template, data },
        response: Accepted,
      });
    },
  };
}
