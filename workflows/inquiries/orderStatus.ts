import type { SystemOrder } from '../../activities/types';

/** What the customer is told of an order's status: when it was bought, and whether it has arrived. */
export function orderStatusAnswer(order: SystemOrder): Record<string, unknown> {
  return {
    orderId: order.id,
    purchasedAt: order.purchasedAt,
    status: order.deliveredAt === null ? 'on_its_way' : 'delivered',
    deliveredAt: order.deliveredAt,
    items: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
  };
}
