import { z } from 'zod';

/** The condition a customer declares an item is in; the return policy decides which may come back. */
export const ItemCondition = z.enum(['unopened', 'opened', 'defective', 'damaged']).meta({ id: 'ItemCondition' });
export type ItemCondition = z.infer<typeof ItemCondition>;

export const ReturnOutcome = z
  .enum([
    'refunded',
    'exchanged',
    'not_eligible',
    'rejected_by_review',
    'rejected_after_inspection',
    'cancelled_by_customer',
    'cancelled_not_shipped',
    'failed',
  ])
  .meta({ id: 'ReturnOutcome' });
export type ReturnOutcome = z.infer<typeof ReturnOutcome>;
