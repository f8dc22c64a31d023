import type { CustomerOrderSummary, CustomerProfile } from '../activities/types';
import type { OrderSystem } from './orderSystem';

/**
 * The customer system: profiles, and each customer's orders as the order system has them. Like the
 * order system, a reset drops the customers added since start and restores the seeded profiles.
 */

export class CustomerSystem {
  private profiles = new Map<string, CustomerProfile>();

  constructor(
    private readonly seeded: readonly CustomerProfile[],
    private readonly orders: OrderSystem,
  ) {
    this.reset();
  }

  find(customerId: string): CustomerProfile | undefined {
    return this.profiles.get(customerId);
  }

  all(): CustomerProfile[] {
    return [...this.profiles.values()];
  }

  /** Adds the customer, or replaces the profile of a known one. */
  save(profile: CustomerProfile): void {
    this.profiles.set(profile.id, profile);
  }

  /** Newest first; undefined for a customer the system does not know. Totals are what was paid, before any refund. */
  history(customerId: string): CustomerOrderSummary[] | undefined {
    if (!this.profiles.has(customerId)) return undefined;
    return this.orders.ofCustomer(customerId).map((order) => ({
      orderId: order.id,
      purchasedAt: order.purchasedAt,
      total: order.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
      currency: order.currency,
      channel: order.channel,
    }));
  }

  reset(): void {
    this.profiles = new Map(this.seeded.map((profile) => [profile.id, structuredClone(profile)]));
  }
}
