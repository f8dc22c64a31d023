import { z } from 'zod';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import { Channel, Customer, Order, Sku } from '../../domain/case';
import type { CaseOpening } from '../../domain/process';
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

type ReturnCaseShape = { type: string; order: Order; items: z.infer<typeof CaseItem>[] };

/** Checks that need two fields at once; each issue points at the exact item field to fix. */
function checkItemsAgainstOrder(body: ReturnCaseShape, ctx: z.RefinementCtx): void {
  const ordered = new Map(body.order.lines.map((line) => [line.sku, line.quantity]));
  const seen = new Set<string>();
  body.items.forEach((item, i) => {
    const orderedQuantity = ordered.get(item.sku);
    if (orderedQuantity === undefined) {
      ctx.addIssue({ code: 'custom', path: ['items', i, 'sku'], message: `${item.sku} is not a line of order ${body.order.id}` });
    } else if (item.quantity > orderedQuantity) {
      ctx.addIssue({ code: 'custom', path: ['items', i, 'quantity'], message: `at most ${orderedQuantity} were ordered` });
    }
    if (seen.has(item.sku)) {
      ctx.addIssue({ code: 'custom', path: ['items', i, 'sku'], message: `${item.sku} is listed twice` });
    }
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
    customer: Customer,
    order: Order,
    items: z.array(CaseItem).min(1).max(100),
    reason: z.string().min(1).max(2000),
  })
  .superRefine(checkItemsAgainstOrder)
  .meta({ id: 'ReturnCaseRequest' });
export type ReturnCaseRequest = z.infer<typeof ReturnCaseRequest>;

/** A return claims the order lines of its items; its record shows the reason and the items. */
export function openReturn(
  body: ReturnCaseRequest,
  policies: { process: ReturnPolicy; sla: SlaPolicy },
): CaseOpening<ReturnCaseInput> {
  const { type, channel, customer, order, items, reason } = body;
  const { process: policy, sla } = policies;
  return {
    type,
    orderId: order.id,
    lines: items.map(({ sku, quantity }) => ({ sku, quantity })),
    policyVersion: pinnedVersion(policy, sla),
    details: { reason, items, channel },
    workflowInput: (caseId, requestedAt) => ({ caseId, type, channel, customer, order, items, reason, policy, sla, requestedAt }),
  };
}
