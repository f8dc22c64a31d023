import { z } from 'zod';
import { CaseEvent, CaseRecord, CaseType, Channel, Customer, ItemCondition, Order, OrderId, RepairItem, Sku } from '../../domain';
import { CaseId } from './caseId';
import { CaseView } from './caseView';

export const IdempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string({ error: 'the Idempotency-Key header is required' })
    .min(1, 'the Idempotency-Key header must not be empty')
    .max(200, 'the Idempotency-Key header is at most 200 characters'),
});

export const CaseItem = z
  .object({
    sku: Sku,
    quantity: z.number().int().positive().max(1000),
    condition: ItemCondition,
    replacementSku: Sku.optional().meta({ description: 'exchange only: the SKU to send instead' }),
  })
  .meta({ id: 'CaseItem' });

type ReturnCaseShape = {
  type: CaseType;
  order: Order;
  items: z.infer<typeof CaseItem>[];
};

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

function checkRepairItemOrdered(body: { order: Order; item: RepairItem }, ctx: z.RefinementCtx): void {
  if (!body.order.lines.some((line) => line.sku === body.item.sku)) {
    ctx.addIssue({ code: 'custom', path: ['item', 'sku'], message: `${body.item.sku} is not a line of order ${body.order.id}` });
  }
}

const ReturnCaseRequest = z
  .object({
    type: CaseType.extract(['return', 'exchange']),
    channel: Channel,
    customer: Customer,
    order: Order,
    items: z.array(CaseItem).min(1).max(100),
    reason: z.string().min(1).max(2000),
  })
  .superRefine(checkItemsAgainstOrder)
  .meta({ id: 'ReturnCaseRequest' });

const RepairCaseRequest = z
  .object({
    type: z.literal('repair'),
    channel: Channel,
    customer: Customer,
    order: Order,
    item: RepairItem,
    problem: z.string().min(1).max(2000).meta({ description: 'What is wrong, in the customer’s words' }),
  })
  .superRefine(checkRepairItemOrdered)
  .meta({ id: 'RepairCaseRequest' });

/** A complaint need not be about an order (rude staff, a website that will not load). */
const ComplaintCaseRequest = z
  .object({
    type: z.literal('complaint'),
    channel: Channel,
    customer: Customer,
    orderId: OrderId.optional().meta({ description: 'The order it is about, if any' }),
    subject: z.string().min(1).max(200),
    description: z.string().min(1).max(5000).meta({ description: 'What happened, in the customer’s words; classification reads it' }),
  })
  .meta({ id: 'ComplaintCaseRequest' });

export const CreateCaseRequest = z
  .discriminatedUnion('type', [ReturnCaseRequest, RepairCaseRequest, ComplaintCaseRequest])
  .meta({ id: 'CreateCaseRequest' });
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;
export type ReturnCaseRequest = z.infer<typeof ReturnCaseRequest>;
export type RepairCaseRequest = z.infer<typeof RepairCaseRequest>;
export type ComplaintCaseRequest = z.infer<typeof ComplaintCaseRequest>;

/** The stored record, with the workflow's own live view when it answered (null when it could not). */
export const CaseWithLiveView = CaseRecord.extend({
  // A union, not CaseView.nullable(): zod-to-openapi 9.1 would mark the shared CaseView component itself nullable.
  live: z.union([CaseView, z.null()]),
}).meta({ id: 'CaseWithLiveView' });

export const CaseList = z
  .object({ items: z.array(CaseRecord), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseList' });

export const CaseTimeline = z.object({ caseId: CaseId, events: z.array(CaseEvent) }).meta({ id: 'CaseTimeline' });

/** What an action or a partner step answers: the status the case moved to. */
export const StepAck = z.object({ caseId: CaseId, status: z.string() }).meta({ id: 'StepAck' });
