import { z } from 'zod';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import type { SystemOrder } from '../../activities/types';
import { brandOf } from '../../domain/brands';
import { Channel, Sku } from '../../domain/case';
import { caseCustomer } from '../../domain/caseCustomer';
import { CustomerRef, decidedBy, orderFields } from '../../domain/intakeFields';
import type { CaseOpening, IntakeIssue, IntakeRecords } from '../../domain/process';
import { pinnedVersion } from '../lib/pinnedVersion';
import type { ReturnCaseInput } from './input';
import type { ReturnPolicy } from './policy';
import { ItemCondition } from './vocabulary';

export const CaseItem = z
  .object({
    sku: Sku,
    quantity: z.number().int().positive().max(1000),
    condition: ItemCondition,
    replacementSku: Sku.optional().meta({ description: 'exchange only: the SKU to send instead' }),
  })
  .meta({ id: 'CaseItem' });

const RequestItem = CaseItem.extend({ unitPrice: decidedBy('the order system') }).meta({ id: 'ReturnRequestItem' });

type ReturnCaseShape = { type: string; items: z.infer<typeof CaseItem>[] };

/** Checks within the request itself; each issue points at the exact item field to fix. */
function checkItems(body: ReturnCaseShape, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  body.items.forEach((item, i) => {
    if (seen.has(item.sku)) ctx.addIssue({ code: 'custom', path: ['items', i, 'sku'], message: `${item.sku} is listed twice` });
    seen.add(item.sku);
    if (item.replacementSku !== undefined && body.type !== 'exchange') {
      ctx.addIssue({ code: 'custom', path: ['items', i, 'replacementSku'], message: 'only an exchange has a replacement' });
    }
  });
}

export const ReturnCaseRequest = z
  .object({
    type: z.enum(['return', 'exchange']),
    channel: Channel,
    customer: CustomerRef,
    ...orderFields,
    items: z.array(RequestItem).min(1).max(100),
    reason: z.string().min(1).max(2000),
  })
  .superRefine(checkItems)
  .meta({ id: 'ReturnCaseRequest' });
export type ReturnCaseRequest = z.infer<typeof ReturnCaseRequest>;

/**
 * What the order allows: each item a line of it, and no more of a line than was bought less what
 * earlier returns took back.
 */
export function checkReturnAgainstOrder(body: ReturnCaseRequest, { order }: IntakeRecords): IntakeIssue[] {
  const lines = new Map(order?.lines.map((line) => [line.sku, line]));
  return body.items.flatMap((item, i): IntakeIssue[] => {
    const line = lines.get(item.sku);
    if (!line) return [{ path: ['items', i, 'sku'], message: `${item.sku} is not a line of order ${body.orderId}` }];
    const left = line.quantity - line.returned;
    if (item.quantity <= left) return [];
    const already = line.returned > 0 ? `, ${line.returned} already returned` : '';
    return [{ path: ['items', i, 'quantity'], message: `at most ${left} can be returned (${line.quantity} bought${already})` }];
  });
}

/** The order as a case pins it: the system of record's dates and prices, never the caller's. */
export function pinnedOrder(order: SystemOrder) {
  return {
    id: order.id,
    purchasedAt: order.purchasedAt,
    ...(order.deliveredAt ? { deliveredAt: order.deliveredAt } : {}),
    currency: order.currency,
    lines: order.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
  };
}

/**
 * A return claims the order lines of its items; its record shows the reason and the items, each
 * with the brand the order system files it under (partner governance reads it: docs/partners.md).
 * The workflow's input keeps the items as they were, so the brand changes none of its commands.
 */
export function openReturn(
  body: ReturnCaseRequest,
  policies: { process: ReturnPolicy; sla: SlaPolicy },
  records: IntakeRecords,
): CaseOpening<ReturnCaseInput> {
  const { type, channel, items: requested, reason } = body;
  const { process: policy, sla } = policies;
  const order = pinnedOrder(records.order!);
  const customer = caseCustomer(records);
  const items = requested.map(({ sku, quantity, condition, replacementSku }) => ({ sku, quantity, condition, replacementSku }));
  return {
    type,
    orderId: order.id,
    lines: items.map(({ sku, quantity }) => ({ sku, quantity })),
    policyVersion: pinnedVersion(policy, sla),
    details: { reason, items: items.map((item) => ({ ...item, ...brandOf(records.order!, item.sku) })), channel },
    workflowInput: (caseId, requestedAt) => ({ caseId, type, channel, customer, order, items, reason, policy, sla, requestedAt }),
  };
}
