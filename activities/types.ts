import type { Actor, Customer, Deadline, ResolutionKind } from '../domain';

/**
 * The activity ports the workflows call. Every side effect takes an idempotencyKey that the
 * workflow derives from the case id and the step, so a retried activity, a replayed workflow or
 * a restarted worker can never issue the same refund, label or message twice.
 */

export interface Idempotent {
  idempotencyKey: string;
}

export interface InventoryPort {
  reserveStock(
    input: Idempotent & { caseId: string; sku: string; quantity: number },
  ): Promise<{ reservationId: string; unitPrice: number }>;
  releaseReservation(input: Idempotent & { caseId: string; reservationId: string }): Promise<void>;
  restock(input: Idempotent & { caseId: string; sku: string; quantity: number }): Promise<{ movementId: string }>;
}

export interface ShipmentRef {
  carrier: string;
  trackingNumber: string;
}

export interface LogisticsPort {
  createReturnLabel(
    input: Idempotent & { caseId: string; customerId: string; items: { sku: string; quantity: number }[] },
  ): Promise<ShipmentRef & { labelId: string; labelUrl: string }>;
  voidLabel(input: Idempotent & { caseId: string; labelId: string }): Promise<void>;
  shipReplacement(
    input: Idempotent & { caseId: string; customerId: string; reservationId: string; sku: string; quantity: number },
  ): Promise<ShipmentRef & { shipmentId: string }>;
  cancelShipment(input: Idempotent & { caseId: string; shipmentId: string }): Promise<void>;
}

export interface PaymentsPort {
  issueRefund(
    input: Idempotent & { caseId: string; orderId: string; amount: number; currency: string },
  ): Promise<{ refundId: string }>;
  chargeCustomer(
    input: Idempotent & { caseId: string; orderId: string; customerId: string; amount: number; currency: string },
  ): Promise<{ chargeId: string }>;
}

export type NotificationTemplate =
  | 'case_received'
  | 'case_under_review'
  | 'case_approved'
  | 'case_rejected'
  | 'return_label'
  | 'parcel_received'
  | 'refund_issued'
  | 'replacement_shipped'
  | 'case_cancelled'
  | 'survey_request';

export interface NotificationPort {
  notifyCustomer(
    input: Idempotent & {
      caseId: string;
      customer: Pick<Customer, 'id' | 'contact'>;
      template: NotificationTemplate;
      data: Record<string, unknown>;
    },
  ): Promise<{ messageId: string }>;
}

/** What a state change does to the searchable case record. Absent fields are left as they are. */
export interface CasePatch {
  status?: string;
  outcome?: string;
  resolution?: ResolutionKind;
  assignee?: string | null;
  deadlines?: Deadline[];
  details?: Record<string, unknown>;
  closedAt?: string;
}

export interface CaseEventRecord {
  caseId: string;
  /** Unique per case: recording the same key twice is a no-op that returns the first seq. */
  eventKey: string;
  type: string;
  at: string;
  actor: Actor;
  data: Record<string, unknown>;
  patch: CasePatch;
}

export interface CaseStorePort {
  /** Appends the event to the timeline and applies the patch to the case row in one transaction. */
  recordCaseEvent(event: CaseEventRecord): Promise<{ seq: number; duplicate: boolean }>;
}

export type Activities = InventoryPort & LogisticsPort & PaymentsPort & NotificationPort & CaseStorePort;
