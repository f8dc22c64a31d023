import type { Ledger, RepairOrderRecord, VisitRecord, VisitSlotRecord } from './ledger';
import { newId } from './ids';

/**
 * The repair suppliers: one desk per supplier id takes repair orders and books technician visits.
 * A visit slot is a morning on one of the days after the order; three free ones are always offered.
 */

export type RepairOrderRequest = Omit<RepairOrderRecord, 'repairOrderId' | 'supplierId' | 'at'>;

export interface RepairOrder extends RepairOrderRecord {
  cancelled: boolean;
  visit?: VisitRecord;
}

export type OrderLookup = RepairOrder | 'not_found' | 'cancelled';
export type BookingOutcome = { visit: VisitRecord; order: RepairOrder } | 'not_found' | 'cancelled' | 'unknown_slot';

const OFFERED_SLOTS = 3;
const DAY_MS = 86_400_000;
const VISIT_START_HOUR_UTC = 9;
const VISIT_LENGTH_MS = 3 * 3_600_000;

/**
 * When the simulated technicians come, for demos and tests that cannot wait for tomorrow morning:
 * the n-th slot starts firstInMs + (n - 1) × everyMs after the order and lasts lengthMs.
 */
export interface VisitTimes {
  firstInMs: number;
  everyMs: number;
  lengthMs: number;
}

/** The n-th slot after the order (a morning on the n-th day, unless timed otherwise); its id says which, so it needs no storage. */
function slotOn(order: RepairOrderRecord, day: number, times: VisitTimes | undefined): VisitSlotRecord {
  const ordered = new Date(order.at);
  const start = times
    ? ordered.getTime() + times.firstInMs + (day - 1) * times.everyMs
    : Date.UTC(ordered.getUTCFullYear(), ordered.getUTCMonth(), ordered.getUTCDate() + day, VISIT_START_HOUR_UTC);
  return {
    slotId: `${order.repairOrderId}.day${day}`,
    start: new Date(start).toISOString(),
    end: new Date(start + (times?.lengthMs ?? VISIT_LENGTH_MS)).toISOString(),
  };
}

export class Suppliers {
  private readonly orders = new Map<string, RepairOrder>();

  constructor(
    private readonly ledger: Ledger,
    private readonly visitTimes?: VisitTimes,
  ) {}

  placeOrder(supplierId: string, request: RepairOrderRequest): RepairOrderRecord {
    const order = this.ledger.add('repairOrders', { ...request, supplierId, repairOrderId: newId('ro') });
    this.orders.set(order.repairOrderId, { ...order, cancelled: false });
    return order;
  }

  /** An order of this supplier that can still be worked on. */
  openOrder(supplierId: string, repairOrderId: string): OrderLookup {
    const order = this.orders.get(repairOrderId);
    if (order?.supplierId !== supplierId) return 'not_found';
    return order.cancelled ? 'cancelled' : order;
  }

  /** The newest order of a case: whom a supplier event for the case comes from. */
  latestOrder(caseId: string): RepairOrderRecord | undefined {
    return [...this.orders.values()].filter((o) => o.caseId === caseId).at(-1);
  }

  /** Cancelling twice is harmless: compensations may run again after a crash. */
  cancelOrder(supplierId: string, caseId: string, repairOrderId: string): 'cancelled' | 'not_found' {
    const order = this.orders.get(repairOrderId);
    if (order?.supplierId !== supplierId || order.caseId !== caseId) return 'not_found';
    if (!order.cancelled) {
      order.cancelled = true;
      this.ledger.add('cancelledRepairOrders', { caseId, supplierId, repairOrderId });
    }
    return 'cancelled';
  }

  /** The first mornings after the order that are not booked already. */
  freeSlots(order: RepairOrder): VisitSlotRecord[] {
    const slots: VisitSlotRecord[] = [];
    for (let day = 1; slots.length < OFFERED_SLOTS; day += 1) {
      const slot = slotOn(order, day, this.visitTimes);
      if (slot.slotId !== order.visit?.slot.slotId) slots.push(slot);
    }
    return slots;
  }

  /** Booking another slot moves the visit there; booking the booked slot again changes nothing. */
  bookVisit(supplierId: string, caseId: string, repairOrderId: string, slotId: string): BookingOutcome {
    const order = this.openOrder(supplierId, repairOrderId);
    if (typeof order === 'string') return order;
    if (order.caseId !== caseId) return 'not_found';
    if (order.visit?.slot.slotId === slotId) return { visit: order.visit, order };
    const slot = this.freeSlots(order).find((s) => s.slotId === slotId);
    if (!slot) return 'unknown_slot';
    order.visit = this.ledger.add('visits', { caseId, supplierId, repairOrderId, visitId: newId('vis'), slot });
    return { visit: order.visit, order };
  }

  reset(): void {
    this.orders.clear();
  }
}
