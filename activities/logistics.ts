import { z } from 'zod';
import type { LogisticsPort } from './types';
import { partnerClient, pathId, type PartnerConfig } from './partnerHttp';

/** The carrier: the customer's return label, and the replacement parcel of an exchange. */

const ShipmentRef = z.object({ carrier: z.string().min(1), trackingNumber: z.string().min(1) });
const Label = ShipmentRef.extend({ labelId: z.string().min(1), labelUrl: z.url(), warehouseId: z.string().min(1) });
const Shipment = ShipmentRef.extend({ shipmentId: z.string().min(1) });

export function createLogisticsActivities(config: PartnerConfig): LogisticsPort {
  const post = partnerClient('logistics', config);
  return {
    async createReturnLabel({ idempotencyKey, caseId, customerId, items }) {
      return post({
        operation: 'createReturnLabel',
        path: '/logistics/return-labels',
        idempotencyKey,
        // Callers may hand over whole return items; the carrier only needs what goes in the parcel.
        body: { caseId, customerId, items: items.map(({ sku, quantity }) => ({ sku, quantity })) },
        response: Label,
      });
    },

    async voidLabel({ idempotencyKey, caseId, labelId }) {
      await post({
        operation: 'voidLabel',
        path: `/logistics/return-labels/${pathId(labelId)}/void`,
        idempotencyKey,
        body: { caseId },
        response: z.unknown(),
      });
    },

    async shipReplacement({ idempotencyKey, caseId, customerId, reservationId, sku, quantity }) {
      return post({
        operation: 'shipReplacement',
        path: '/logistics/shipments',
        idempotencyKey,
        body: { caseId, customerId, reservationId, sku, quantity },
        response: Shipment,
      });
    },

    async cancelShipment({ idempotencyKey, caseId, shipmentId }) {
      await post({
        operation: 'cancelShipment',
        path: `/logistics/shipments/${pathId(shipmentId)}/cancel`,
        idempotencyKey,
        body: { caseId },
        response: z.unknown(),
      });
    },
  };
}
