import { Router } from 'express';
import { z } from 'zod';
import type { OrderSystem } from '../orderSystem';
import { caseId, notFound, quantity, sku } from './fields';
import { partnerRead } from './partnerRead';
import { partnerWrite, type PartnerWriteDeps } from './partnerWrite';

/** The order management system's API: an order as sold, and what returns took back from it. */

const ReturnRequest = z.object({ caseId, lines: z.array(z.object({ sku, quantity })).min(1) });

export function orderRoutes(deps: PartnerWriteDeps & { orders: OrderSystem }): Router {
  const { orders } = deps;
  const router = Router();

  router.get(
    '/orders/:orderId',
    partnerRead(deps.faults, 'orders.get', (req) => {
      const order = orders.find(String(req.params.orderId));
      return order ? { status: 200, body: order } : notFound('order');
    }),
  );

  router.post(
    '/orders/:orderId/returns',
    partnerWrite(deps, 'orders.returns', ReturnRequest, (input, req) => {
      const recorded = orders.recordReturn(input.caseId, String(req.params.orderId), input.lines);
      if (recorded === 'not_found') return notFound('order');
      if ('refusal' in recorded) {
        const { refusal, ...line } = recorded;
        return { status: 409, body: { error: refusal, ...line } };
      }
      const { returnId, orderId, lines } = recorded;
      return { status: 201, body: { returnId, orderId, lines } };
    }),
  );

  return router;
}
