import type { Actor, CasePriority, Customer, Deadline, ResolutionKind } from '../domain';

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
  | 'case_rejected'
  | 'return_label'
  | 'parcel_received'
  | 'refund_issued'
  | 'replacement_shipped'
  | 'case_cancelled'
  | 'survey_request'
  | 'troubleshooting_guide'
  | 'repair_ordered'
  | 'visit_booked'
  | 'repair_quote'
  | 'repair_shipped_back'
  | 'complaint_received'
  | 'complaint_acknowledged'
  | 'information_requested'
  | 'solution_proposed';

/** Messages to people other than the customer: the supplier's desk, operations, escalation levels. */
export type PartyTemplate =
  | 'supplier_step_reminder'
  | 'supplier_step_breached'
  | 'escalation_raised'
  | 'major_incident'
  | 'sla_warning'
  | 'sla_breached'
  | 'complaint_assigned';

export interface NotificationPort {
  notifyCustomer(
    input: Idempotent & {
      caseId: string;
      customer: Pick<Customer, 'id' | 'contact'>;
      template: NotificationTemplate;
      data: Record<string, unknown>;
    },
  ): Promise<{ messageId: string }>;
  notifyParty(
    input: Idempotent & {
      caseId: string;
      audience: 'supplier' | 'operations';
      /** A supplier id, or an operations role such as team_lead. */
      recipientId: string;
      template: PartyTemplate;
      data: Record<string, unknown>;
    },
  ): Promise<{ messageId: string }>;
}

export interface VisitSlot {
  slotId: string;
  start: string;
  end: string;
}

/** Repair suppliers: repair orders, and technician visits for products repaired on site. */
export interface SupplierPort {
  createRepairOrder(
    input: Idempotent & {
      caseId: string;
      supplierId: string;
      sku: string;
      category: string;
      serialNumber?: string;
      problem: string;
      inWarranty: boolean;
      onSite: boolean;
    },
  ): Promise<{ repairOrderId: string }>;
  cancelRepairOrder(input: Idempotent & { caseId: string; supplierId: string; repairOrderId: string }): Promise<void>;
  listVisitSlots(input: { caseId: string; supplierId: string; repairOrderId: string }): Promise<{ slots: VisitSlot[] }>;
  bookVisit(
    input: Idempotent & { caseId: string; supplierId: string; repairOrderId: string; slotId: string },
  ): Promise<{ visitId: string; slot: VisitSlot }>;
}

/** One supplier step, timed against its SLA, for the supplier's scorecard. */
export interface SupplierStepRecord {
  supplierId: string;
  caseId: string;
  step: string;
  requestedAt: string;
  completedAt: string;
  dueAt: string;
}

export interface ScorecardPort {
  /** Idempotent per (caseId, step). */
  recordSupplierStep(record: SupplierStepRecord): Promise<void>;
}

/** What a state change does to the searchable case record. Absent fields are left as they are. */
export interface CasePatch {
  status?: string;
  outcome?: string;
  resolution?: ResolutionKind;
  assignee?: string | null;
  priority?: CasePriority;
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

/** Agents in PostgreSQL: who has the skill and the room for one more case. */
export interface RoutingPort {
  /**
   * Picks the available agent with the skill and the fewest open cases under capacity (null: none
   * free), or gives the case to `agentId` when a supervisor or a claiming agent names one.
   */
  assignAgent(input: { caseId: string; skill: string; excludeAgentId?: string; agentId?: string }): Promise<{ agentId: string | null }>;
  /** Gives the agent's slot back; idempotent per case. */
  releaseAgent(input: { caseId: string; agentId: string }): Promise<void>;
  /** The customer's most recent complaint closed within the window, if any. */
  findRecentComplaint(input: { customerId: string; excludeCaseId: string; withinMs: number }): Promise<{ caseId: string | null }>;
}

export type Activities = InventoryPort &
  RoutingPort &
  LogisticsPort &
  PaymentsPort &
  NotificationPort &
  SupplierPort &
  ScorecardPort &
  CaseStorePort;
