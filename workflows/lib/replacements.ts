import { idempotencyKey, partners } from './activities';
import type { Compensations } from './compensations';

export interface ShippedReplacement {
  sku: string;
  quantity: number;
  unitPrice: number;
  trackingNumber: string;
}

/**
 * Reserves and ships each replacement, registering the undo of every step as it succeeds: a
 * later failure (one item out of stock) cancels the shipments and releases the reservations
 * already made. Shipments are cancelled before their reservation is released, as the warehouse
 * requires, because compensations run newest first.
 */
export async function sendReplacements(
  caseId: string,
  customerId: string,
  items: { sku: string; quantity: number }[],
  undo: Compensations,
): Promise<ShippedReplacement[]> {
  const shipped: ShippedReplacement[] = [];
  for (const [index, { sku, quantity }] of items.entries()) {
    const reservation = await partners.reserveStock({
      caseId,
      sku,
      quantity,
      idempotencyKey: idempotencyKey(caseId, 'reserve', index),
    });
    undo.add(`release reservation ${reservation.reservationId}`, () =>
      partners.releaseReservation({
        caseId,
        reservationId: reservation.reservationId,
        idempotencyKey: idempotencyKey(caseId, 'release', index),
      }),
    );
    const shipment = await partners.shipReplacement({
      caseId,
      customerId,
      reservationId: reservation.reservationId,
      sku,
      quantity,
      idempotencyKey: idempotencyKey(caseId, 'ship-replacement', index),
    });
    undo.add(`cancel shipment ${shipment.shipmentId}`, () =>
      partners.cancelShipment({
        caseId,
        shipmentId: shipment.shipmentId,
        idempotencyKey: idempotencyKey(caseId, 'cancel-shipment', index),
      }),
    );
    shipped.push({ sku, quantity, unitPrice: reservation.unitPrice, trackingNumber: shipment.trackingNumber });
  }
  return shipped;
}
