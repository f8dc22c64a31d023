import type { LabelRecord, Ledger, ShipmentRecord } from './ledger';
import { type Warehouse, WAREHOUSE_ID } from './warehouse';
import { newId, newTrackingNumber } from './ids';

/** The carrier: return labels the customer ships with, and replacement shipments out of the warehouse. */

export const CARRIER_ID = 'sim-carrier';

export interface LabelRequest {
  caseId: string;
  customerId: string;
  items: { sku: string; quantity: number }[];
}

export interface ShipmentRequest {
  caseId: string;
  customerId: string;
  reservationId: string;
  sku: string;
  quantity: number;
}

export type ShipmentOutcome = ShipmentRecord | 'unknown_reservation' | 'reservation_not_active';

export class Carrier {
  private readonly labels = new Map<string, LabelRecord & { voided: boolean }>();
  private readonly shipments = new Map<string, ShipmentRecord & { cancelled: boolean }>();

  constructor(
    private readonly ledger: Ledger,
    private readonly warehouse: Warehouse,
  ) {}

  createLabel(request: LabelRequest, labelUrlFor: (labelId: string) => string): LabelRecord {
    const labelId = newId('lbl');
    const label = this.ledger.add('labels', {
      ...request,
      labelId,
      carrier: CARRIER_ID,
      trackingNumber: newTrackingNumber(),
      labelUrl: labelUrlFor(labelId),
      warehouseId: WAREHOUSE_ID,
    });
    this.labels.set(labelId, { ...label, voided: false });
    return label;
  }

  findLabel(labelId: string): LabelRecord | undefined {
    return this.labels.get(labelId);
  }

  /** The tracking number carrier events for a case refer to: its newest label still valid. */
  currentTrackingNumber(caseId: string): string | undefined {
    return [...this.labels.values()].filter((l) => l.caseId === caseId && !l.voided).at(-1)?.trackingNumber;
  }

  /** Voiding twice is harmless: compensations may run again after a crash. */
  voidLabel(caseId: string, labelId: string): 'voided' | 'not_found' {
    const label = this.labels.get(labelId);
    if (label?.caseId !== caseId) return 'not_found';
    if (!label.voided) {
      label.voided = true;
      this.ledger.add('voidedLabels', { caseId, labelId });
    }
    return 'voided';
  }

  ship(request: ShipmentRequest): ShipmentOutcome {
    const taken = this.warehouse.ship(request.caseId, request.reservationId);
    if (!taken.ok) return taken.reason === 'not_found' ? 'unknown_reservation' : 'reservation_not_active';
    const shipment = this.ledger.add('shipments', {
      ...request,
      shipmentId: newId('shp'),
      carrier: CARRIER_ID,
      trackingNumber: newTrackingNumber(),
    });
    this.shipments.set(shipment.shipmentId, { ...shipment, cancelled: false });
    return shipment;
  }

  cancelShipment(caseId: string, shipmentId: string): 'cancelled' | 'not_found' {
    const shipment = this.shipments.get(shipmentId);
    if (shipment?.caseId !== caseId) return 'not_found';
    if (!shipment.cancelled) {
      shipment.cancelled = true;
      this.warehouse.unship(shipment.reservationId);
      this.ledger.add('cancelledShipments', { caseId, shipmentId });
    }
    return 'cancelled';
  }

  reset(): void {
    this.labels.clear();
    this.shipments.clear();
  }
}
