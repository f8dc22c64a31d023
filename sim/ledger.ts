import type { SupplierPort } from '../activities/types';

/**
 * Everything the partners received and the simulator sent, kept in memory so tests and the demo
 * can prove what happened (one refund, a voided label, a rebooked visit, which webhooks our API accepted).
 */

interface CaseScoped {
  caseId: string;
  at: string;
}

export interface RefundRecord extends CaseScoped {
  refundId: string;
  orderId: string;
  amount: number;
  currency: string;
}

export interface ChargeRecord extends CaseScoped {
  chargeId: string;
  orderId: string;
  customerId: string;
  amount: number;
  currency: string;
}

export interface ReservationRecord extends CaseScoped {
  reservationId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface ReleaseRecord extends CaseScoped {
  reservationId: string;
}

export type StockMovementKind = 'reserve' | 'release' | 'restock' | 'ship';

export interface StockMovementRecord extends CaseScoped {
  movementId: string;
  kind: StockMovementKind;
  sku: string;
  quantity: number;
  /** Units available for reservation after the movement. */
  available: number;
}

export interface LabelRecord extends CaseScoped {
  labelId: string;
  customerId: string;
  items: { sku: string; quantity: number }[];
  carrier: string;
  trackingNumber: string;
  labelUrl: string;
  /** Where the parcel goes. */
  warehouseId: string;
}

export interface VoidedLabelRecord extends CaseScoped {
  labelId: string;
}

export interface ShipmentRecord extends CaseScoped {
  shipmentId: string;
  customerId: string;
  reservationId: string;
  sku: string;
  quantity: number;
  carrier: string;
  trackingNumber: string;
}

export interface CancelledShipmentRecord extends CaseScoped {
  shipmentId: string;
}

export interface NotificationRecord extends CaseScoped {
  messageId: string;
  customerId: string;
  to: { email?: string; phone?: string };
  language: 'zh-CN' | 'en';
  template: string;
  data: Record<string, unknown>;
  /** The words the sender wrote; absent from a sender that sends only the template. */
  subject?: string;
  text?: string;
}

/** A message about a partner as a whole (partner_flagged) names no case. */
export interface PartyMessageRecord extends Omit<CaseScoped, 'caseId'> {
  caseId?: string;
  messageId: string;
  audience: 'supplier' | 'operations';
  recipientId: string;
  template: string;
  data: Record<string, unknown>;
  subject?: string;
  text?: string;
}

/** The order as our supplier adapter sends it (the supplier id is the path it is sent to). */
type RepairOrderFields = Omit<Parameters<SupplierPort['createRepairOrder']>[0], 'idempotencyKey'>;

export interface RepairOrderRecord extends CaseScoped, RepairOrderFields {
  repairOrderId: string;
}

export interface CancelledRepairOrderRecord extends CaseScoped {
  supplierId: string;
  repairOrderId: string;
}

export interface VisitSlotRecord {
  slotId: string;
  start: string;
  end: string;
}

export interface VisitRecord extends CaseScoped {
  visitId: string;
  supplierId: string;
  repairOrderId: string;
  slot: VisitSlotRecord;
}

/** A change to an installer's job: its booking, every move of its visit, and its cancellation. */
export interface InstallationRecord extends CaseScoped {
  action: 'booked' | 'rescheduled' | 'cancelled';
  installerId: string;
  jobId: string;
  orderId: string;
  sku: string;
  category: string;
  /** The visit the job has after the change (for a cancellation: the one called off). */
  slot: VisitSlotRecord;
}

export interface OrderReturnRecord extends CaseScoped {
  returnId: string;
  orderId: string;
  lines: { sku: string; quantity: number }[];
}

export interface WebhookRecord extends CaseScoped {
  eventId: string;
  type: string;
  url: string;
  attempt: number;
  /** What our API answered; null when it could not be reached. */
  status: number | null;
  response: unknown;
  error?: string;
}

export interface SimRecords {
  refunds: RefundRecord[];
  charges: ChargeRecord[];
  reservations: ReservationRecord[];
  releases: ReleaseRecord[];
  stockMovements: StockMovementRecord[];
  labels: LabelRecord[];
  voidedLabels: VoidedLabelRecord[];
  shipments: ShipmentRecord[];
  cancelledShipments: CancelledShipmentRecord[];
  notifications: NotificationRecord[];
  partyMessages: PartyMessageRecord[];
  repairOrders: RepairOrderRecord[];
  cancelledRepairOrders: CancelledRepairOrderRecord[];
  /** Every booking, so a rescheduled visit shows both. */
  visits: VisitRecord[];
  /** Every booking, move and cancellation of an installer's job, in order. */
  installations: InstallationRecord[];
  /** What returns took back, as the order system was told. */
  orderReturns: OrderReturnRecord[];
  webhooks: WebhookRecord[];
}

type RecordOf<K extends keyof SimRecords> = SimRecords[K][number];

function emptyRecords(): SimRecords {
  return {
    refunds: [],
    charges: [],
    reservations: [],
    releases: [],
    stockMovements: [],
    labels: [],
    voidedLabels: [],
    shipments: [],
    cancelledShipments: [],
    notifications: [],
    partyMessages: [],
    repairOrders: [],
    cancelledRepairOrders: [],
    visits: [],
    installations: [],
    orderReturns: [],
    webhooks: [],
  };
}

export class Ledger {
  private records = emptyRecords();

  add<K extends keyof SimRecords>(kind: K, record: Omit<RecordOf<K>, 'at'>): RecordOf<K> {
    const stamped = { ...record, at: new Date().toISOString() } as RecordOf<K>;
    (this.records[kind] as RecordOf<K>[]).push(stamped);
    return stamped;
  }

  /** All records, or only those of one case. */
  list(caseId?: string): SimRecords {
    if (caseId === undefined) return this.records;
    const scoped = emptyRecords();
    for (const kind of Object.keys(scoped) as (keyof SimRecords)[]) {
      (scoped[kind] as CaseScoped[]) = (this.records[kind] as CaseScoped[]).filter((r) => r.caseId === caseId);
    }
    return scoped;
  }

  reset(): void {
    this.records = emptyRecords();
  }
}
