import { Router, type Request } from 'express';
import { z } from 'zod';
import type { RepairOrderRecord } from '../ledger';
import type { Suppliers } from '../suppliers';
import { CaseRef, caseId, notFound, sku } from './fields';
import { partnerRead } from './partnerRead';
import { partnerWrite, type PartnerWriteDeps } from './partnerWrite';

/** A repair supplier's API, one per supplier id: repair orders, visit slots and technician visits. */

const RepairOrderRequest = z.object({
  caseId,
  sku,
  category: z.string().min(1).max(64),
  serialNumber: z.string().min(1).max(64).optional(),
  problem: z.string().min(1).max(2000),
  inWarranty: z.boolean(),
  onSite: z.boolean(),
});
const VisitRequest = CaseRef.extend({ slotId: z.string().min(1).max(200) });

export interface SupplierDeps extends PartnerWriteDeps {
  suppliers: Suppliers;
  onOrderPlaced: (order: RepairOrderRecord) => void;
  onOrderCancelled: (repairOrderId: string) => void;
  onVisitBooked: (order: RepairOrderRecord) => void;
}

const orderRef = (req: Request) => ({ supplierId: String(req.params.supplierId), repairOrderId: String(req.params.id) });
const cancelledOrder = { status: 409, body: { error: 'repair_order_cancelled' } };

export function supplierRoutes(deps: SupplierDeps): Router {
  const { suppliers } = deps;
  const router = Router();

  router.post(
    '/suppliers/:supplierId/repair-orders',
    partnerWrite(deps, 'suppliers.order', RepairOrderRequest, (input, req) => {
      const order = suppliers.placeOrder(String(req.params.supplierId), input);
      deps.onOrderPlaced(order);
      return { status: 201, body: { repairOrderId: order.repairOrderId } };
    }),
  );

  router.post(
    '/suppliers/:supplierId/repair-orders/:id/cancel',
    partnerWrite(deps, 'suppliers.cancel', CaseRef, (input, req) => {
      const { supplierId, repairOrderId } = orderRef(req);
      if (suppliers.cancelOrder(supplierId, input.caseId, repairOrderId) === 'not_found') return notFound('repair_order');
      deps.onOrderCancelled(repairOrderId);
      return { status: 200, body: { repairOrderId, status: 'cancelled' } };
    }),
  );

  router.get(
    '/suppliers/:supplierId/repair-orders/:id/visit-slots',
    partnerRead(deps.faults, 'suppliers.slots', (req) => {
      const { supplierId, repairOrderId } = orderRef(req);
      const order = suppliers.openOrder(supplierId, repairOrderId);
      if (order === 'not_found') return notFound('repair_order');
      if (order === 'cancelled') return cancelledOrder;
      return { status: 200, body: { slots: suppliers.freeSlots(order) } };
    }),
  );

  router.post(
    '/suppliers/:supplierId/repair-orders/:id/visits',
    partnerWrite(deps, 'suppliers.visit', VisitRequest, (input, req) => {
      const { supplierId, repairOrderId } = orderRef(req);
      const booked = suppliers.bookVisit(supplierId, input.caseId, repairOrderId, input.slotId);
      switch (booked) {
        case 'not_found':
          return notFound('repair_order');
        case 'cancelled':
          return cancelledOrder;
        case 'unknown_slot':
          return { status: 409, body: { error: 'slot_unavailable', slotId: input.slotId } };
      }
      deps.onVisitBooked(booked.order);
      return { status: 201, body: { visitId: booked.visit.visitId, slot: booked.visit.slot } };
    }),
  );

  return router;
}
