import { Router } from 'express';
import { z } from 'zod';
import type { Ledger } from '../ledger';
import { newId } from '../ids';
import { caseId, customerId } from './fields';
import { partnerWrite, type PartnerWriteDeps } from './partnerWrite';

/**
 * The notification gateway. A message with no email or phone is still accepted: the gateway
 * also delivers to the customer's in-app inbox by customer id.
 */

const MessageRequest = z.object({
  caseId,
  customerId,
  to: z.object({ email: z.email().optional(), phone: z.string().min(1).optional() }),
  /** The gateway writes the template in the customer's language. */
  language: z.enum(['zh-CN', 'en']).default('en'),
  template: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()),
});

/** To a supplier's desk or an operations role (team lead, supervisor), addressed by id; about a case, or a partner as a whole. */
const PartyMessageRequest = z.object({
  caseId: caseId.optional(),
  audience: z.enum(['supplier', 'operations']),
  recipientId: z.string().min(1).max(128),
  template: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()),
});

export function notificationRoutes(deps: PartnerWriteDeps & { ledger: Ledger }): Router {
  const router = Router();

  router.post(
    '/notifications/messages',
    partnerWrite(deps, 'notifications.send', MessageRequest, (input) => {
      const { messageId } = deps.ledger.add('notifications', { ...input, messageId: newId('msg') });
      return { status: 202, body: { messageId } };
    }),
  );

  router.post(
    '/notifications/party-messages',
    partnerWrite(deps, 'notifications.party', PartyMessageRequest, (input) => {
      const { messageId } = deps.ledger.add('partyMessages', { ...input, messageId: newId('msg') });
      return { status: 202, body: { messageId } };
    }),
  );

  return router;
}
