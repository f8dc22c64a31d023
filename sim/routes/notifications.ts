import { Router } from 'express';
import { z } from 'zod';
import type { Ledger } from '../ledger';
import { newId } from '../ids';
import { caseId, customerId } from './fields';
import { partnerWrite, type PartnerWriteDeps } from './partnerWrite';

/**
 * The notification gateway. A message with no email or phone is still accepted: the gateway
 * also delivers to the customer's in-app inbox by customer id. It delivers the words the sender
 * wrote (`subject`, `text`); a sender without them (older workers) is still accepted, and the
 * gateway would word the template itself.
 */

/** The words of a message, as written by the sender: both or neither. */
const Words = {
  subject: z.string().min(1).max(500).optional(),
  text: z.string().min(1).max(50_000).optional(),
};
const bothOrNeither = (m: { subject?: string; text?: string }) => (m.subject === undefined) === (m.text === undefined);
const bothOrNeitherIssue = { message: 'subject and text come together', path: ['text'] };

const MessageRequest = z.object({
  caseId,
  customerId,
  to: z.object({ email: z.email().optional(), phone: z.string().min(1).optional() }),
  /** The language of the words sent, or the one the gateway writes the template in. */
  language: z.enum(['zh-CN', 'en']).default('en'),
  template: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()),
  ...Words,
}).refine(bothOrNeither, bothOrNeitherIssue);

/** To a supplier's desk or an operations role (team lead, supervisor), addressed by id; about a case, or a partner as a whole. */
const PartyMessageRequest = z.object({
  caseId: caseId.optional(),
  audience: z.enum(['supplier', 'operations']),
  recipientId: z.string().min(1).max(128),
  template: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()),
  ...Words,
}).refine(bothOrNeither, bothOrNeitherIssue);

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
