import { Router } from 'express';
import { z } from 'zod';
import type { Warehouse } from '../warehouse';
import { CaseRef, caseId, notFound, quantity, sku } from './fields';
import { partnerWrite, type PartnerWriteDeps } from './partnerWrite';

/** The warehouse system's API: reserve replacement stock, release it, and put returned units back on the shelf. */

const StockRequest = z.object({ caseId, sku, quantity });

export function inventoryRoutes(deps: PartnerWriteDeps & { warehouse: Warehouse }): Router {
  const { warehouse } = deps;
  const router = Router();

  router.post(
    '/inventory/reservations',
    partnerWrite(deps, 'inventory.reserve', StockRequest, (input) => {
      const reservation = warehouse.reserve(input.caseId, input.sku, input.quantity);
      if (reservation === 'out_of_stock') return { status: 409, body: { error: 'out_of_stock', sku: input.sku } };
      return { status: 201, body: { reservationId: reservation.reservationId, unitPrice: reservation.unitPrice } };
    }),
  );

  router.post(
    '/inventory/reservations/:id/release',
    partnerWrite(deps, 'inventory.release', CaseRef, (input, req) => {
      const reservationId = String(req.params.id);
      switch (warehouse.release(input.caseId, reservationId)) {
        case 'not_found':
          return notFound('reservation');
        case 'shipped':
          return { status: 409, body: { error: 'reservation_shipped', reservationId } };
        case 'released':
          return { status: 200, body: { reservationId, status: 'released' } };
      }
    }),
  );

  router.post(
    '/inventory/restock',
    partnerWrite(deps, 'inventory.restock', StockRequest, (input) => ({
      status: 201,
      body: { movementId: warehouse.restock(input.caseId, input.sku, input.quantity) },
    })),
  );

  return router;
}
