import { z } from 'zod';
import { Sku } from '../../domain/case';

export const RepairOutcome = z
  .enum(['resolved_remotely', 'repaired', 'returned_unrepaired', 'replaced', 'refunded', 'cancelled_by_customer', 'failed'])
  .meta({ id: 'RepairOutcome' });
export type RepairOutcome = z.infer<typeof RepairOutcome>;

export const ProductCategory = z
  .enum(['phone', 'laptop', 'headphones', 'small_appliance', 'large_appliance', 'tv'])
  .meta({ id: 'ProductCategory' });
export type ProductCategory = z.infer<typeof ProductCategory>;

export const RepairItem = z
  .object({
    sku: Sku,
    category: ProductCategory,
    serialNumber: z.string().min(1).max(64).optional(),
  })
  .meta({ id: 'RepairItem' });
export type RepairItem = z.infer<typeof RepairItem>;
