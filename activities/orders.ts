import { z } from 'zod';
import { Channel } from '../domain';
import type { OrderPort, SystemOrder } from './types';
import { currencyCode, instant } from './partnerFields';
import { partnerClient, partnerLookup, pathId, type PartnerConfig } from './partnerHttp';

/**
 * The order management system: what was bought, and how much of each line has come back. Intake
 * reads orders from it; a return that took goods back tells it so, or the next return of the same
 * line would be allowed the full quantity again.
 */

export const SystemOrderSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  currency: currencyCode,
  purchasedAt: instant,
  deliveredAt: instant.nullable(),
  channel: Channel,
  storeId: z.string().min(1).nullable(),
  lines: z
    .array(
      z.object({
        sku: z.string().min(1),
        category: z.string().min(1),
        quantity: z.number().int().positive(),
        unitPrice: z.number().int().nonnegative(),
        returned: z.number().int().nonnegative(),
        brand: z.string().min(1).max(64).optional(),
      }),
    )
    .min(1),
}) satisfies z.ZodType<SystemOrder>;

export function createOrderActivities(config: PartnerConfig): OrderPort {
  const post = partnerClient('orders', config);
  const lookup = partnerLookup('orders', config);
  return {
    async getOrder({ orderId }) {
      return lookup({ operation: 'getOrder', path: `/orders/${pathId(orderId)}`, response: SystemOrderSchema });
    },

    async recordReturn({ idempotencyKey, orderId, caseId, lines }) {
      await post({
        operation: 'recordReturn',
        path: `/orders/${pathId(orderId)}/returns`,
        idempotencyKey,
        body: { caseId, lines },
        response: z.unknown(),
      });
    },
  };
}
