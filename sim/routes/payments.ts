import { Router } from 'express';
import { z } from 'zod';
import type { Ledger } from '../ledger';
import { newId } from '../ids';
import { caseId, currency, customerId, minorUnits } from './fields';
import { partnerWrite, type PartnerWriteDeps } from './partnerWrite';

/** The payment provider: refunds to the original payment, charges for an exchange price difference. */

const orderId = z.string().min(1).max(64);
const RefundRequest = z.object({ caseId, orderId, amount: minorUnits, currency });
const ChargeRequest = z.object({ caseId, orderId, customerId, amount: minorUnits, currency });

export function paymentsRoutes(deps: PartnerWriteDeps & { ledger: Ledger }): Router {
  const { ledger } = deps;
  const router = Router();

  router.post(
    '/payments/refunds',
    partnerWrite(deps, 'payments.refund', RefundRequest, (input) => {
      const { refundId } = ledger.add('refunds', { ...input, refundId: newId('re') });
      return { status: 201, body: { refundId } };
    }),
  );

  router.post(
    '/payments/charges',
    partnerWrite(deps, 'payments.charge', ChargeRequest, (input) => {
      const { chargeId } = ledger.add('charges', { ...input, chargeId: newId('ch') });
      return { status: 201, body: { chargeId } };
    }),
  );

  return router;
}
