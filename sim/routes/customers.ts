import { Router } from 'express';
import type { CustomerSystem } from '../customerSystem';
import type { Faults } from '../faults';
import { notFound } from './fields';
import { partnerRead } from './partnerRead';

/** The customer system's API: who a customer is, and what they bought. Read-only for us. */

export function customerRoutes(deps: { faults: Faults; customers: CustomerSystem }): Router {
  const { customers } = deps;
  const router = Router();

  router.get(
    '/customers/:customerId',
    partnerRead(deps.faults, 'customers.get', (req) => {
      const profile = customers.find(String(req.params.customerId));
      return profile ? { status: 200, body: profile } : notFound('customer');
    }),
  );

  router.get(
    '/customers/:customerId/orders',
    partnerRead(deps.faults, 'customers.orders', (req) => {
      const orders = customers.history(String(req.params.customerId));
      return orders ? { status: 200, body: { orders } } : notFound('customer');
    }),
  );

  return router;
}
