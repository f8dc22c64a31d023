import type { RepairPolicy } from '../../config/policies/repairPolicy';
import type { Channel, Customer, Order, RepairItem } from '../../domain';

/** Everything a repair needs, pinned at intake. */
export interface RepairCaseInput {
  caseId: string;
  type: 'repair';
  channel: Channel;
  customer: Customer;
  order: Order;
  item: RepairItem;
  problem: string;
  policy: RepairPolicy;
  requestedAt: string;
}

export const repairCaseWorkflowType = 'repairCase';
