import { z } from 'zod';
import { Channel, Customer, Order } from '../../domain/case';
import type { CaseOpening } from '../../domain/process';
import type { RepairCaseInput } from './input';
import type { RepairPolicy } from './policy';
import { RepairItem } from './vocabulary';

function checkRepairItemOrdered(body: { order: Order; item: RepairItem }, ctx: z.RefinementCtx): void {
  if (!body.order.lines.some((line) => line.sku === body.item.sku)) {
    ctx.addIssue({ code: 'custom', path: ['item', 'sku'], message: `${body.item.sku} is not a line of order ${body.order.id}` });
  }
}

export const RepairCaseRequest = z
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
export type RepairCaseRequest = z.infer<typeof RepairCaseRequest>;

/** A repair claims the one order line of the product, whatever quantity was bought. */
export function openRepair(body: RepairCaseRequest, policies: { process: RepairPolicy }): CaseOpening<RepairCaseInput> {
  const { channel, customer, order, item, problem } = body;
  const policy = policies.process;
  return {
    type: 'repair',
    orderId: order.id,
    lines: [{ sku: item.sku, quantity: 1 }],
    policyVersion: policy.version,
    details: { problem, item, channel },
    workflowInput: (caseId, requestedAt) => ({ caseId, type: 'repair', channel, customer, order, item, problem, policy, requestedAt }),
  };
}
