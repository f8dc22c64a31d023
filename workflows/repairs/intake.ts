import { z } from 'zod';
import { brandOf } from '../../domain/brands';
import { Channel, Sku } from '../../domain/case';
import { caseCustomer } from '../../domain/caseCustomer';
import { CustomerRef, decidedBy, orderFields } from '../../domain/intakeFields';
import type { CaseOpening, IntakeIssue, IntakeRecords } from '../../domain/process';
import { pinnedOrder } from '../returns/intake';
import type { RepairCaseInput } from './input';
import type { RepairPolicy } from './policy';
import { ProductCategory } from './vocabulary';

export const RepairCaseRequest = z
  .object({
    type: z.literal('repair'),
    channel: Channel,
    customer: CustomerRef,
    ...orderFields,
    item: z
      .object({
        sku: Sku.meta({ description: 'The order line of the product' }),
        serialNumber: z.string().min(1).max(64).optional(),
        category: decidedBy('the order system'),
      })
      .meta({ id: 'RepairRequestItem' }),
    problem: z.string().min(1).max(2000).meta({ description: 'What is wrong, in the customer’s words' }),
  })
  .meta({ id: 'RepairCaseRequest' });
export type RepairCaseRequest = z.infer<typeof RepairCaseRequest>;

/** The product is a line of the order, of a category this service repairs. */
export function checkRepairAgainstOrder(body: RepairCaseRequest, { order }: IntakeRecords): IntakeIssue[] {
  const line = order?.lines.find((l) => l.sku === body.item.sku);
  if (!line) return [{ path: ['item', 'sku'], message: `${body.item.sku} is not a line of order ${body.orderId}` }];
  if (!ProductCategory.safeParse(line.category).success) {
    return [{ path: ['item', 'sku'], message: `${body.item.sku} is a ${line.category} product, which this service does not repair` }];
  }
  return [];
}

/**
 * A repair claims the one order line of the product, whatever quantity was bought. Its record's
 * item also shows the product's brand (docs/partners.md); the workflow's input does not carry it.
 */
export function openRepair(body: RepairCaseRequest, policies: { process: RepairPolicy }, records: IntakeRecords): CaseOpening<RepairCaseInput> {
  const { channel, problem } = body;
  const policy = policies.process;
  const order = pinnedOrder(records.order!);
  const category = ProductCategory.parse(records.order!.lines.find((l) => l.sku === body.item.sku)!.category);
  const item = { sku: body.item.sku, category, serialNumber: body.item.serialNumber };
  const customer = caseCustomer(records);
  return {
    type: 'repair',
    orderId: order.id,
    lines: [{ sku: item.sku, quantity: 1 }],
    policyVersion: policy.version,
    details: { problem, item: { ...item, ...brandOf(records.order!, item.sku) }, channel },
    workflowInput: (caseId, requestedAt) => ({ caseId, type: 'repair', channel, customer, order, item, problem, policy, requestedAt }),
  };
}
