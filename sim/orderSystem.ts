import type { SystemOrder, SystemOrderLine } from '../activities/types';
import type { Ledger, OrderReturnRecord } from './ledger';
import { newId } from './ids';

/**
 * The order management system: the seeded catalogue's orders and those tests and the demo add,
 * and how much of each line has come back. A reset forgets what was added and returned since, but
 * keeps the catalogue: it is the system's own data, not a test's.
 */

export interface ReturnedLine {
  sku: string;
  quantity: number;
}

export type ReturnRefusal = { refusal: 'not_on_order'; sku: string } | { refusal: 'exceeds_remaining'; sku: string; remaining: number };
export type ReturnOutcome = OrderReturnRecord | ReturnRefusal | 'not_found';

/** The same SKU named twice in one return counts once, with both quantities. */
function bySku(lines: readonly ReturnedLine[]): ReturnedLine[] {
  const totals = new Map<string, number>();
  for (const { sku, quantity } of lines) totals.set(sku, (totals.get(sku) ?? 0) + quantity);
  return [...totals].map(([sku, quantity]) => ({ sku, quantity }));
}

export class OrderSystem {
  private orders = new Map<string, SystemOrder>();

  constructor(
    private readonly ledger: Ledger,
    private readonly seeded: readonly SystemOrder[],
  ) {
    this.reset();
  }

  find(orderId: string): SystemOrder | undefined {
    return this.orders.get(orderId);
  }

  /** The carrier handed the order over: delivered now, unless it was already. */
  markDelivered(orderId: string): SystemOrder | undefined {
    const order = this.orders.get(orderId);
    if (!order || order.deliveredAt !== null) return order;
    const delivered = { ...order, deliveredAt: new Date().toISOString() };
    this.orders.set(orderId, delivered);
    return delivered;
  }

  add(order: SystemOrder): SystemOrder | 'exists' {
    if (this.orders.has(order.id)) return 'exists';
    this.orders.set(order.id, order);
    return order;
  }

  /** Newest first. */
  ofCustomer(customerId: string): SystemOrder[] {
    return [...this.orders.values()]
      .filter((order) => order.customerId === customerId)
      .sort((a, b) => Date.parse(b.purchasedAt) - Date.parse(a.purchasedAt));
  }

  /** All or nothing: one line the order cannot take back refuses the whole return. */
  recordReturn(caseId: string, orderId: string, lines: readonly ReturnedLine[]): ReturnOutcome {
    const order = this.orders.get(orderId);
    if (!order) return 'not_found';
    const returned = bySku(lines);
    const takenBack: [SystemOrderLine, number][] = [];
    for (const { sku, quantity } of returned) {
      const line = order.lines.find((l) => l.sku === sku);
      if (!line) return { refusal: 'not_on_order', sku };
      const remaining = line.quantity - line.returned;
      if (quantity > remaining) return { refusal: 'exceeds_remaining', sku, remaining };
      takenBack.push([line, quantity]);
    }
    for (const [line, quantity] of takenBack) line.returned += quantity;
    return this.ledger.add('orderReturns', { caseId, returnId: newId('ret'), orderId, lines: returned });
  }

  reset(): void {
    this.orders = new Map(this.seeded.map((order) => [order.id, structuredClone(order)]));
  }
}
