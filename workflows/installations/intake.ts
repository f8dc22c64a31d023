import { z } from 'zod';
import { Channel, Sku } from '../../domain/case';
import { caseCustomer } from '../../domain/caseCustomer';
import { CustomerRef, decidedBy, orderFields } from '../../domain/intakeFields';
import type { CaseOpening, IntakeIssue, IntakeRecords } from '../../domain/process';
import { ProductCategory } from '../repairs/vocabulary';
import type { InstallationCaseInput } from './input';
import type { InstallationPolicy } from './policy';

export const InstallationCaseRequest = z
  .object({
    type: z.literal('installation'),
    channel: Channel,
    customer: CustomerRef,
    ...orderFields,
    item: z
      .object({ sku: Sku.meta({ description: 'The order line of the delivered product' }), category: decidedBy('the order system') })
      .meta({ id: 'InstallationRequestItem' }),
    offer: z
      .literal(true)
      .optional()
      .meta({ description: "Offered rather than asked for (the order system's delivery notice): the customer accepts it before a visit is booked" }),
  })
  .meta({ id: 'InstallationCaseRequest' });
export type InstallationCaseRequest = z.infer<typeof InstallationCaseRequest>;

/** Who installs a product of this category under the policy; undefined when it is not installed at home. */
export function installerFor(category: string, policy: InstallationPolicy): { category: ProductCategory; installerId: string } | undefined {
  const known = ProductCategory.safeParse(category);
  const rule = known.success ? policy.installable[known.data] : undefined;
  return known.success && rule ? { category: known.data, installerId: rule.installerId } : undefined;
}

/** The category of an order line the policy installs, or why it cannot be installed. */
function installable(body: InstallationCaseRequest, { order }: IntakeRecords, policy: InstallationPolicy): { category: ProductCategory; installerId: string } | string {
  const line = order?.lines.find((l) => l.sku === body.item.sku);
  if (!line) return `${body.item.sku} is not a line of order ${body.orderId}`;
  const offered = Object.keys(policy.installable).join(', ');
  return installerFor(line.category, policy) ?? `${body.item.sku} is a ${line.category} product: installation is offered for ${offered}`;
}

/** A product of an installable category, on the order, delivered: a technician can come. */
export function checkInstallation(body: InstallationCaseRequest, records: IntakeRecords, policy: InstallationPolicy): IntakeIssue[] {
  const found = installable(body, records, policy);
  if (typeof found === 'string') return [{ path: ['item', 'sku'], message: found }];
  if (records.order?.deliveredAt == null) {
    return [{ path: ['orderId'], message: `order ${body.orderId} has not been delivered yet: ask for installation once it has arrived` }];
  }
  return [];
}

/**
 * An installation claims no order line: the return, exchange or repair a defect at unboxing
 * becomes must claim the product's line while the installation is still open (it closes once
 * that case is opened from it).
 */
export function openInstallation(
  body: InstallationCaseRequest,
  policies: { process: InstallationPolicy },
  records: IntakeRecords,
): CaseOpening<InstallationCaseInput> {
  const { channel } = body;
  const policy = policies.process;
  const { category, installerId } = installable(body, records, policy) as Exclude<ReturnType<typeof installable>, string>;
  const order = { id: records.order!.id, deliveredAt: records.order!.deliveredAt! };
  const item = { sku: body.item.sku, category };
  const customer = caseCustomer(records);
  return {
    type: 'installation',
    orderId: order.id,
    lines: [],
    policyVersion: policy.version,
    details: { channel, product: item, installerId },
    workflowInput: (caseId, requestedAt) => ({
      caseId,
      type: 'installation',
      channel,
      customer,
      order,
      item,
      installerId,
      ...(body.offer && { offered: true }),
      policy,
      requestedAt,
    }),
  };
}
