import { z } from 'zod';
import type { SupplierPort } from './types';
import { partnerClient, partnerReader, pathId, type PartnerConfig } from './partnerHttp';

/**
 * Repair suppliers: repair orders, and technician visits for products repaired on site. Every
 * supplier is reached under its own path, so one adapter serves all of them.
 */

const RepairOrder = z.object({ repairOrderId: z.string().min(1) });
const VisitSlot = z.object({ slotId: z.string().min(1), start: z.iso.datetime(), end: z.iso.datetime() });
const VisitSlots = z.object({ slots: z.array(VisitSlot) });
const Visit = z.object({ visitId: z.string().min(1), slot: VisitSlot });

const repairOrderPath = (supplierId: string, repairOrderId: string) =>
  `/suppliers/${pathId(supplierId)}/repair-orders/${pathId(repairOrderId)}`;

export function createSupplierActivities(config: PartnerConfig): SupplierPort {
  const post = partnerClient('supplier', config);
  const get = partnerReader('supplier', config);
  return {
    async createRepairOrder({ idempotencyKey, supplierId, ...order }) {
      return post({
        operation: 'createRepairOrder',
        path: `/suppliers/${pathId(supplierId)}/repair-orders`,
        idempotencyKey,
        body: order,
        response: RepairOrder,
      });
    },

    async cancelRepairOrder({ idempotencyKey, caseId, supplierId, repairOrderId }) {
      await post({
        operation: 'cancelRepairOrder',
        path: `${repairOrderPath(supplierId, repairOrderId)}/cancel`,
        idempotencyKey,
        body: { caseId },
        response: z.unknown(),
      });
    },

    async listVisitSlots({ supplierId, repairOrderId }) {
      return get({
        operation: 'listVisitSlots',
        path: `${repairOrderPath(supplierId, repairOrderId)}/visit-slots`,
        response: VisitSlots,
      });
    },

    async bookVisit({ idempotencyKey, caseId, supplierId, repairOrderId, slotId }) {
      return post({
        operation: 'bookVisit',
        path: `${repairOrderPath(supplierId, repairOrderId)}/visits`,
        idempotencyKey,
        body: { caseId, slotId },
        response: Visit,
      });
    },
  };
}
