import { z } from 'zod';
import type { InventoryPort } from './types';
import { partnerClient, pathId, type PartnerConfig } from './partnerHttp';

/** The warehouse system: replacement stock for exchanges, and returned units back on the shelf. */

const Reservation = z.object({ reservationId: z.string().min(1), unitPrice: z.number().int().nonnegative() });
const Movement = z.object({ movementId: z.string().min(1) });

export function createInventoryActivities(config: PartnerConfig): InventoryPort {
  const post = partnerClient('inventory', config);
  return {
    async reserveStock({ idempotencyKey, caseId, sku, quantity }) {
      return post({
        operation: 'reserveStock',
        path: '/inventory/reservations',
        idempotencyKey,
        body: { caseId, sku, quantity },
        response: Reservation,
      });
    },

    async releaseReservation({ idempotencyKey, caseId, reservationId }) {
      await post({
        operation: 'releaseReservation',
        path: `/inventory/reservations/${pathId(reservationId)}/release`,
        idempotencyKey,
        body: { caseId },
        response: z.unknown(),
      });
    },

    async restock({ idempotencyKey, caseId, sku, quantity }) {
      return post({
        operation: 'restock',
        path: '/inventory/restock',
        idempotencyKey,
        body: { caseId, sku, quantity },
        response: Movement,
      });
    },
  };
}
