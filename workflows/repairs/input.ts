import type { Channel, Customer, Order } from '../../domain/case';
import type { RepairPolicy } from './policy';
import type { RepairItem } from './vocabulary';

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
