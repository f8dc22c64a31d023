import { z } from 'zod';
import type { PaymentsPort } from './types';
import { partnerClient, type PartnerConfig } from './partnerHttp';

/** The payment provider. The Idempotency-Key is what keeps a retried refund from paying twice. */

const Refund = z.object({ refundId: z.string().min(1) });
const Charge = z.object({ chargeId: z.string().min(1) });

export function createPaymentsActivities(config: PartnerConfig): PaymentsPort {
  const post = partnerClient('payments', config);
  return {
    async issueRefund({ idempotencyKey, caseId, orderId, amount, currency }) {
      return post({
        operation: 'issueRefund',
        path: '/payments/refunds',
        idempotencyKey,
        body: { caseId, orderId, amount, currency },
        response: Refund,
      });
    },

    async chargeCustomer({ idempotencyKey, caseId, orderId, customerId, amount, currency }) {
      return post({
        operation: 'chargeCustomer',
        path: '/payments/charges',
        idempotencyKey,
        body: { caseId, orderId, customerId, amount, currency },
        response: Charge,
      });
    },
  };
}
