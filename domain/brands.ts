import { z } from 'zod';
import type { SystemOrder } from '../activities/types';

/**
 * The brand that makes a product, as the order system's catalogue files it: a partner brand,
 * whose returns and ratings the shop holds it to (docs/partners.md), or none for the shop's own
 * label. Intake copies it from the order line onto the case record's items, never from a request.
 */
export const PartnerBrand = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits and . _ - only')
  .meta({ description: "The partner brand that makes the product; absent for the shop's own label" });

/** `{ brand }` of the order's line for `sku`, or nothing for the shop's own products: spread into an item. */
export function brandOf(order: SystemOrder, sku: string): { brand?: string } {
  const brand = order.lines.find((line) => line.sku === sku)?.brand;
  return brand ? { brand } : {};
}
