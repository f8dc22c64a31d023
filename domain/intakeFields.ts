import { z } from 'zod';
import { CustomerId, OrderId, Sku } from './case';
import type { IntakeIssue, IntakeRecords } from './process';

/**
 * What intake requests share. A request names who and which order; the systems of record say the
 * rest (docs/integrators.md, "Opening a case"): a field they decide is refused when a caller
 * sends it, so nobody can widen their own rights by claiming a tier or a later delivery date.
 */

/** A field the systems of record decide: a 400 naming it and who decides, when the caller sends it. */
export function decidedBy(system: string) {
  return z
    .unknown()
    .refine(() => false, `${system} decides this: leave it out`)
    .optional()
    .meta({ description: `Not accepted: ${system} decides it` });
}

/** The customer a case is for, by the customer system's id; their segment, language and contact come from there. */
export const CustomerRef = z
  .object({
    id: CustomerId,
    tier: decidedBy('the customer system (the segment, from the order history)'),
    contact: decidedBy('the customer system'),
    name: decidedBy('the customer system'),
  })
  .meta({ id: 'CustomerRef' });

/** The order a case is about, by the order system's id; its lines, prices and dates come from there. */
export const orderFields = {
  orderId: OrderId,
  order: decidedBy('the order system (send orderId)'),
};

/**
 * What a request about no order line may still name: the order, the product, both or neither (a
 * question, an idea). A named order must be the customer's; a product named with it, a line of it.
 */
export const optionalOrderFields = {
  orderId: OrderId.optional().meta({ description: 'The order it is about, if any: it must be the customer’s' }),
  order: decidedBy('the order system (send orderId)'),
  sku: Sku.optional().meta({ description: 'The product it is about, if any; with orderId, a line of that order' }),
};

/** A sku named with an order must be on it (a question or an idea may name either, or both). */
export function skuOnNamedOrder(body: { sku?: string }, records: IntakeRecords): IntakeIssue[] {
  const { order } = records;
  if (!body.sku || !order || order.lines.some((line) => line.sku === body.sku)) return [];
  return [{ path: ['sku'], message: `${body.sku} is not on order ${order.id}` }];
}
