import type { Channel, Customer, ItemCondition, Order } from '../../domain';
import type { ReturnPolicy } from '../../config/policies/returnPolicy';

export interface ReturnItem {
  sku: string;
  quantity: number;
  condition: ItemCondition;
  /** Exchange only: the SKU sent in its place (defaults to the same SKU). */
  replacementSku?: string;
}

/** Everything a return / exchange needs, pinned at intake: later edits to the policy do not reach it. */
export interface ReturnCaseInput {
  caseId: string;
  type: 'return' | 'exchange';
  channel: Channel;
  customer: Customer;
  order: Order;
  items: ReturnItem[];
  reason: string;
  policy: ReturnPolicy;
  requestedAt: string;
}

export const returnCaseWorkflowType = 'returnCase';
