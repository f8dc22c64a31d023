import { z } from 'zod';

/**
 * The vocabulary every process shares (docs/architecture.md): channels, customers, orders, money,
 * actors, deadlines, timeline events. What belongs to one process lives in its folder; the case
 * types come from the processes registered in workflows/registry.ts.
 */

export const Channel = z
  .enum(['app', 'web', 'mini_program', 'store', 'phone', 'email', 'social', 'marketplace'])
  .meta({ id: 'Channel' });
export type Channel = z.infer<typeof Channel>;

export const CustomerTier = z.enum(['standard', 'vip']).meta({ id: 'CustomerTier' });
export type CustomerTier = z.infer<typeof CustomerTier>;

const identifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits and . _ : - only');

export const CustomerId = identifier.meta({ id: 'CustomerId' });
export const Sku = identifier.meta({ id: 'Sku' });
/** A person who works cases: the agents table's id, and the `sub` of their token. */
export const AgentId = identifier.meta({ id: 'AgentId' });

export const Customer = z
  .object({
    id: CustomerId,
    tier: CustomerTier.default('standard'),
    contact: z.object({
      name: z.string().min(1).max(200).optional(),
      email: z.email().max(254).optional(),
      phone: z
        .string()
        .regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number')
        .optional(),
    }),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

/** Money is held in minor units (cents) so sums never drift. */
export const Money = z.number().int().nonnegative().meta({ id: 'MinorUnits' });

export const OrderLine = z
  .object({
    sku: Sku,
    quantity: z.number().int().positive().max(1000),
    unitPrice: Money,
  })
  .meta({ id: 'OrderLine' });
export type OrderLine = z.infer<typeof OrderLine>;

export const OrderId = identifier.meta({ id: 'OrderId' });

export const Order = z
  .object({
    id: identifier,
    purchasedAt: z.iso.datetime({ offset: true }),
    deliveredAt: z.iso.datetime({ offset: true }).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code').default('EUR'),
    lines: z.array(OrderLine).min(1).max(100),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

export const CasePriority = z.enum(['low', 'normal', 'high', 'urgent']).meta({ id: 'CasePriority' });
export type CasePriority = z.infer<typeof CasePriority>;

export const ActorKind = z.enum(['customer', 'agent', 'supervisor', 'admin', 'supplier', 'carrier', 'warehouse', 'installer', 'system']);
export type ActorKind = z.infer<typeof ActorKind>;

export const Actor = z.object({ kind: ActorKind, id: z.string().min(1).max(128) }).meta({ id: 'Actor' });
export type Actor = z.infer<typeof Actor>;

export const Deadline = z
  .object({ name: z.string(), dueAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'Deadline' });
export type Deadline = z.infer<typeof Deadline>;

export const ResolutionKind = z.enum(['automated', 'human']);
export type ResolutionKind = z.infer<typeof ResolutionKind>;

export const CaseEvent = z
  .object({
    caseId: z.string(),
    seq: z.number().int(),
    at: z.iso.datetime({ offset: true }),
    type: z.string(),
    actor: Actor,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CaseEvent' });
export type CaseEvent = z.infer<typeof CaseEvent>;
