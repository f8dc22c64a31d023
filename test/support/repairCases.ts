import { randomUUID } from 'node:crypto';
import { seconds } from '../../config/policies/duration';
import { repairPolicy, type RepairPolicy } from '../../workflows/repairs/policy';
import type { RepairItem } from '../../workflows/repairs/vocabulary';
import type { RepairCaseInput } from '../../workflows/repairs/input';

/** Short clocks for the dev server, which has no time skipping. */
export const testRepairPolicy: RepairPolicy = {
  ...repairPolicy.profiles.standard,
  version: 'repairs/test',
  troubleshootingWindowMs: seconds(30),
  supplierResponseMs: { default: seconds(30), bySupplier: {} },
  quoteApprovalWindowMs: seconds(30),
  autoCloseAfterShipBackMs: seconds(1),
  escalation: { levels: repairPolicy.profiles.standard.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(1) })) },
};

const monthsAgo = (n: number) => new Date(Date.now() - n * 30 * 86_400_000).toISOString();

/** A repair for a fresh customer and order; purchased a month ago (in warranty) unless told otherwise. */
export function repairCaseInput(
  opts: { item?: Partial<RepairItem>; purchasedMonthsAgo?: number; policy?: Partial<RepairPolicy> } = {},
): RepairCaseInput {
  const id = randomUUID().slice(0, 8);
  const item: RepairItem = { sku: 'PHONE-X', category: 'phone', serialNumber: `SN-${id}`, ...opts.item };
  return {
    caseId: `case-repair-${randomUUID()}`,
    type: 'repair',
    channel: 'app',
    customer: { id: `cust-${id}`, segment: 'standard', language: 'en', advisorId: null },
    order: {
      id: `ord-${id}`,
      purchasedAt: monthsAgo(opts.purchasedMonthsAgo ?? 1),
      currency: 'EUR',
      lines: [{ sku: item.sku, quantity: 1, unitPrice: 59_900 }],
    },
    item,
    problem: 'does not turn on',
    policy: { ...testRepairPolicy, ...opts.policy },
    requestedAt: new Date().toISOString(),
  };
}
