import { z } from 'zod';
import type { NotificationPort } from './types';
import { partnerClient, type PartnerConfig } from './partnerHttp';

/**
 * The notification gateway; it picks the channel (email, SMS, in-app) from what we give it. Party
 * messages go to a supplier's desk or an operations role, which the gateway addresses by id.
 */

const Accepted = z.object({ messageId: z.string().min(1) });

export function createNotificationActivities(config: PartnerConfig): NotificationPort {
  const post = partnerClient('notification', config);
  return {
    async notifyCustomer({ idempotencyKey, caseId, customer, template, data }) {
      // Only the addresses leave us: the customer's name and the rest of the contact stay here.
      const to = { email: customer.contact.email, phone: customer.contact.phone };
      return post({
        operation: 'notifyCustomer',
        path: '/notifications/messages',
        idempotencyKey,
        body: { caseId, customerId: customer.id, to, template, data },
        response: Accepted,
      });
    },

    async notifyParty({ idempotencyKey, caseId, audience, recipientId, template, data }) {
      return post({
        operation: 'notifyParty',
        path: '/notifications/party-messages',
        idempotencyKey,
        body: { caseId, audience, recipientId, template, data },
        response: Accepted,
      });
    },
  };
}
