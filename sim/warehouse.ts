import { createHash } from 'node:crypto';
import { z } from 'zod';
import { findProduct } from './catalogue/products';
import type { Ledger, ReservationRecord, StockMovementKind } from './ledger';
import { newId } from './ids';

/**
 * The warehouse system: stock levels, prices and reservations. Shipping a replacement consumes
 * its reservation, so the stock movements of a case tell the whole story of a unit.
 */

/** The warehouse returns are routed to: it signs its inspections as `warehouse:sim-warehouse`. */
export const WAREHOUSE_ID = 'sim-warehouse';

/** SKUs the demo and tests use to provoke "out of stock" without seeding anything. */
const OUT_OF_STOCK_PREFIX = 'OOS-';

export const CatalogEntry = z.object({
  sku: z.string().min(1),
  stock: z.number().int().nonnegative().optional(),
  unitPrice: z.number().int().nonnegative().optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

type ReservationState = 'active' | 'shipped' | 'released';
interface Reservation extends ReservationRecord {
  state: ReservationState;
}

export type ReleaseOutcome = 'released' | 'not_found' | 'shipped';
export type ShipOutcome =
  | { ok: true; reservation: ReservationRecord }
  | { ok: false; reason: 'not_found' | 'not_active' };

/**
 * What the shop sells costs what the catalogue says; any other SKU a stable price between runs,
 * so exchange price differences are reproducible.
 */
function listPrice(sku: string): number {
  const product = findProduct(sku);
  if (product) return product.unitPrice;
  const hash = createHash('sha256').update(sku).digest().readUInt32BE(0);
  return 500 + (hash % 200) * 100;
}

export class Warehouse {
  private readonly stock = new Map<string, number>();
  private readonly prices = new Map<string, number>();
  private readonly reservations = new Map<string, Reservation>();

  constructor(
    private readonly ledger: Ledger,
    private readonly defaultStock: number,
  ) {}

  seed({ sku, stock, unitPrice }: CatalogEntry): Required<CatalogEntry> {
    if (stock !== undefined) this.stock.set(sku, stock);
    if (unitPrice !== undefined) this.prices.set(sku, unitPrice);
    return this.describe(sku);
  }

  describe(sku: string): Required<CatalogEntry> {
    return { sku, stock: this.available(sku), unitPrice: this.unitPrice(sku) };
  }

  reserve(caseId: string, sku: string, quantity: number): ReservationRecord | 'out_of_stock' {
    if (this.available(sku) < quantity) return 'out_of_stock';
    const reservation = this.ledger.add('reservations', {
      caseId,
      reservationId: newId('rsv'),
      sku,
      quantity,
      unitPrice: this.unitPrice(sku),
    });
    this.reservations.set(reservation.reservationId, { ...reservation, state: 'active' });
    this.move(caseId, 'reserve', sku, quantity, -quantity);
    return reservation;
  }

  /** Releasing twice is harmless: compensations may run again after a crash. */
  release(caseId: string, reservationId: string): ReleaseOutcome {
    const reservation = this.find(caseId, reservationId);
    if (!reservation) return 'not_found';
    if (reservation.state === 'shipped') return 'shipped';
    if (reservation.state === 'active') {
      reservation.state = 'released';
      this.ledger.add('releases', { caseId, reservationId });
      this.move(caseId, 'release', reservation.sku, reservation.quantity, reservation.quantity);
    }
    return 'released';
  }

  restock(caseId: string, sku: string, quantity: number): string {
    return this.move(caseId, 'restock', sku, quantity, quantity);
  }

  /** The carrier took the reserved units; they leave the building, available stock is unchanged. */
  ship(caseId: string, reservationId: string): ShipOutcome {
    const reservation = this.find(caseId, reservationId);
    if (!reservation) return { ok: false, reason: 'not_found' };
    if (reservation.state !== 'active') return { ok: false, reason: 'not_active' };
    reservation.state = 'shipped';
    this.move(caseId, 'ship', reservation.sku, reservation.quantity, 0);
    return { ok: true, reservation };
  }

  /** A cancelled shipment puts the units back on the reservation, so the case can still release it. */
  unship(reservationId: string): void {
    const reservation = this.reservations.get(reservationId);
    if (reservation?.state === 'shipped') reservation.state = 'active';
  }

  reset(): void {
    this.stock.clear();
    this.prices.clear();
    this.reservations.clear();
  }

  private find(caseId: string, reservationId: string): Reservation | undefined {
    const reservation = this.reservations.get(reservationId);
    return reservation?.caseId === caseId ? reservation : undefined;
  }

  private available(sku: string): number {
    return this.stock.get(sku) ?? (sku.startsWith(OUT_OF_STOCK_PREFIX) ? 0 : this.defaultStock);
  }

  private unitPrice(sku: string): number {
    return this.prices.get(sku) ?? listPrice(sku);
  }

  private move(caseId: string, kind: StockMovementKind, sku: string, quantity: number, availableDelta: number): string {
    const available = this.available(sku) + availableDelta;
    this.stock.set(sku, available);
    return this.ledger.add('stockMovements', { caseId, movementId: newId('mov'), kind, sku, quantity, available })
      .movementId;
  }
}
