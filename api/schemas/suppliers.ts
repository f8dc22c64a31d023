import { z } from 'zod';
import type { SupplierScorecard as StoredScorecard } from '../../db/supplierScorecard';
import { PartnerId } from './webhooks';

export const SupplierIdParams = z.object({ id: PartnerId });

const Count = z.number().int().nonnegative();

/** `satisfies` keeps the published shape in step with what the database read returns. */
export const SupplierScorecard = z
  .object({
    supplierId: z.string(),
    steps: z.object({ onTime: Count, late: Count }).meta({ description: 'Supplier steps answered within, and after, their response SLA' }),
    turnaroundMsByStep: z
      .record(z.string(), z.number().nonnegative())
      .meta({ description: 'Mean milliseconds from the moment a step was expected to its arrival, per step' }),
    repairs: z.object({
      diagnosed: Count.meta({ description: 'Cases the supplier assessed (in the workshop or on a visit)' }),
      unrepairable: Count,
      unrepairableRate: z.number().min(0).max(1),
    }),
    ratings: z
      .object({ negative: Count.meta({ description: 'Low ratings whose reasons point at the supplier (repair quality, slowness)' }) })
      .meta({ description: "Customers' ratings the feedback policy attributes to the supplier" }),
  })
  .meta({ id: 'SupplierScorecard' }) satisfies z.ZodType<StoredScorecard>;
