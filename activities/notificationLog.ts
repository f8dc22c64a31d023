import type { Pool } from 'pg';
import { recordCaseNotification } from '../db/caseNotifications';
import type { NotificationPort } from './types';

/**
 * Keeps a record of every message the gateway accepted for a customer, which the quality check
 * counts against the steps that owe the customer one (docs/quality.md). Recorded after the
 * gateway's answer: a failed write retries the activity, and the gateway's idempotency key makes
 * the retry the same message.
 */
export function recordingCustomerMessages(port: NotificationPort, pool: Pool): NotificationPort {
  return {
    ...port,
    async notifyCustomer(input) {
      const accepted = await port.notifyCustomer(input);
      await recordCaseNotification(pool, {
        idempotencyKey: input.idempotencyKey,
        caseId: input.caseId,
        template: input.template,
        messageId: accepted.messageId,
        sentAt: new Date().toISOString(),
      });
      return accepted;
    },
  };
}
