import type { Language } from '../domain/customer';
import type { KnowledgeCategory } from '../domain/knowledge';
import type { Actor, CasePriority, Channel, Deadline, ResolutionKind } from '../domain';
import type { PartnerPolicy } from '../config/policies/partnerPolicy';
import type { PartnerFlag, PartnerRef } from '../domain/partnerStanding';
import type { ErasureCounts } from '../domain/personalData';
import type { QualityPolicy } from '../config/policies/qualityPolicy';
import type { QualitySampleSummary } from '../workflows/quality/input';

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
  ): Promise<ShipmentRef & { labelId: string; labelUrl: string; /** The warehouse the parcel goes to: the one whose inspection the case takes. */ warehouseId: string }>;
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

/**
 * The order management system: the system of record of what was bought, for how much, when, and
 * how much of it has come back already. Intake reads it instead of believing the request.
 */
export interface SystemOrderLine {
  sku: string;
  /** The product category, as the catalogue files it (phone, laptop, shoes, …). */
  category: string;
  quantity: number;
  /** Minor units of the order's currency. */
  unitPrice: number;
  /** How many of this line have been returned already (closed returns). */
  returned: number;
  /** The partner brand that makes the product; absent for the shop's own label. */
  brand?: string;
}

export interface SystemOrder {
  id: string;
  customerId: string;
  currency: string;
  purchasedAt: string;
  /** Null until the carrier delivered it (a store sale is delivered when bought). */
  deliveredAt: string | null;
  /** Where it was sold. */
  channel: Channel;
  /** The store or marketplace it was sold in, when not the own web shop or app. */
  storeId: string | null;
  lines: SystemOrderLine[];
}

export interface OrderPort {
  /** The order, or null when the order system has no such order. */
  getOrder(input: { orderId: string }): Promise<SystemOrder | null>;
  /** Tells the order system what a return took back, so a later return of the line counts what is left. */
  recordReturn(input: Idempotent & { orderId: string; caseId: string; lines: { sku: string; quantity: number }[] }): Promise<void>;
}

/** The languages customers read, as the customer system says (domain/customer.ts). */
export type { Language } from '../domain/customer';

/** The customer system's view of a customer. Name and contact are personal data: never logged, never in the projection. */
export interface CustomerProfile {
  id: string;
  name: string;
  contact: { email?: string; phone?: string };
  language: Language;
  /** Labels the service team or marketing gave the customer (e.g. "wholesale", "press"). */
  tags: string[];
  consent: { marketing: boolean; surveys: boolean };
  /** The agent id of the customer's dedicated advisor, if they have one. */
  advisorId: string | null;
  /** When the customer first bought. */
  customerSince: string;
}

/** One of the customer's orders, as segmentation reads it. */
export interface CustomerOrderSummary {
  orderId: string;
  purchasedAt: string;
  /** Minor units. */
  total: number;
  currency: string;
  channel: Channel;
}

export interface CustomerPort {
  /** The profile, or null when the customer system does not know the customer. */
  getCustomer(input: { customerId: string }): Promise<CustomerProfile | null>;
  /** Every order of the customer, newest first. */
  getOrderHistory(input: { customerId: string }): Promise<CustomerOrderSummary[]>;
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
  | 'feedback_request'
  | 'feedback_reminder'
  | 'troubleshooting_guide'
  | 'repair_ordered'
  | 'visit_booked'
  | 'repair_quote'
  | 'repair_shipped_back'
  | 'complaint_received'
  | 'complaint_acknowledged'
  | 'information_requested'
  | 'solution_proposed'
  | 'suggestion_acknowledged'
  | 'suggestion_answered'
  | 'inquiry_order_status'
  | 'inquiry_answered_automatically'
  | 'inquiry_handed_over'
  | 'inquiry_answered'
  | 'inquiry_converted'
  | 'installation_offered'
  | 'installation_booked'
  | 'installation_completed'
  | 'installation_defect_found';

/** Messages to people other than the customer: the supplier's desk, operations, escalation levels. */
export type PartyTemplate =
  | 'supplier_step_reminder'
  | 'supplier_step_breached'
  | 'escalation_raised'
  | 'major_incident'
  | 'sla_warning'
  | 'sla_breached'
  | 'complaint_assigned'
  | 'advisor_customer_complaint'
  | 'feedback_low_rating'
  | 'partner_flagged';

export interface NotificationPort {
  notifyCustomer(
    input: Idempotent & {
      caseId: string;
      /** contact: cases opened before the customer system carried one; others are looked up when sent. */
      customer: { id: string; language?: Language; contact?: { email?: string; phone?: string } };
      template: NotificationTemplate;
      data: Record<string, unknown>;
    },
  ): Promise<{ messageId: string }>;
  notifyParty(
    input: Idempotent & {
      /** The case it is about; absent for a message about a partner as a whole (partner_flagged). */
      caseId?: string;
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

/** Installers: technician visits that install a delivered bulky item and inspect it at unboxing. */
export interface InstallerPort {
  /** Books the first free technician slot after notBefore, for installing and inspecting one delivered item. */
  bookInstallation(
    input: Idempotent & { caseId: string; installerId: string; orderId: string; sku: string; category: string; notBefore: string },
  ): Promise<{ jobId: string; slot: VisitSlot }>;
  /** Moves the job's visit to the first free slot after notBefore other than the booked one. */
  rescheduleInstallation(
    input: Idempotent & { caseId: string; installerId: string; jobId: string; notBefore: string },
  ): Promise<{ slot: VisitSlot }>;
  /** Cancels the job (the undo of a booking); cancelling a cancelled job changes nothing. */
  cancelInstallation(input: Idempotent & { caseId: string; installerId: string; jobId: string }): Promise<void>;
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

/** Retention's erasure in PostgreSQL (docs/security.md#erasure-and-retention). */
export interface RetentionPort {
  /**
   * Erases the personal data of at most `limit` cases closed before `closedBefore` and not erased
   * yet, oldest first, in one transaction, and the data keys of customers left with no other case.
   */
  eraseExpiredCases(input: { closedBefore: string; limit: number }): Promise<ErasureCounts>;
}

/** The daily partner review's reads and writes in PostgreSQL (docs/partners.md). */
export interface PartnerReviewPort {
  /**
   * Judges every partner at `at` under the policy and records the flags, a new one dated `day` (the
   * review's local day): answers how many partners were judged, the open flags operations have not
   * been told of, and the partners that recovered. Running it again changes nothing.
   */
  reviewPartners(input: { at: string; day: string; policy: PartnerPolicy }): Promise<{ reviewed: number; untold: PartnerFlag[]; cleared: PartnerRef[] }>;
  /** Operations were told of these flags. */
  markPartnerFlagsTold(input: { at: string; flags: Pick<PartnerFlag, 'kind' | 'id' | 'flagDay'>[] }): Promise<void>;
}

/** Where a page of pending case starts ended: the next page starts after it. */
export interface StartCursor {
  requestedAt: string;
  caseId: string;
}

/** What became of the pending case starts the reconciler looked at (docs/reliability.md). */
export interface SettledStarts {
  /** The workflow was running or had run: only the pending start was dropped. */
  present: number;
  /** The workflow did not exist and was started with the kept input. */
  started: number;
  /** The workflow could not be started: the case was withdrawn, and why recorded. */
  withdrawn: number;
  /** Temporal or PostgreSQL did not answer: left for the next run. */
  failed: number;
}

/** The reconciler of case starts: finds cases whose API died before starting their workflow. */
export interface CaseStartPort {
  /**
   * Settles one page of the worker's task queue's pending case starts requested before
   * `olderThan`, oldest first after `after`, `concurrency` at a time; answers what became of them
   * and where the next page starts (null: this was the last). No case data leaves the activity.
   */
  settleCaseStarts(input: { olderThan: string; after: StartCursor | null; limit: number; concurrency: number }): Promise<{
    settled: SettledStarts;
    next: StartCursor | null;
  }>;
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
  assignAgent(input: {
    caseId: string;
    skill: string;
    excludeAgentId?: string;
    agentId?: string;
    /** A customer's dedicated advisor: first, when they have room. */
    preferAgentId?: string;
  }): Promise<{ agentId: string | null }>;
  /** Gives the agent's slot back; idempotent per case. */
  releaseAgent(input: { caseId: string; agentId: string }): Promise<void>;
  /** The customer's most recent complaint closed within the window, if any. */
  findRecentComplaint(input: { customerId: string; excludeCaseId: string; withinMs: number }): Promise<{ caseId: string | null }>;
}

/** One article that may answer a question, in the language to show it in. */
export interface KnowledgeMatch {
  articleId: string;
  version: number;
  category: KnowledgeCategory;
  locale: Language;
  title: string;
  body: string;
  /** Confidence it answers the question, 0..1, four decimals (docs/knowledge.md#confidence). */
  score: number;
}

/** The knowledge base in PostgreSQL (docs/knowledge.md). */
export interface KnowledgePort {
  /** The best articles for a question, best first; none when nothing shares a word with it. */
  searchKnowledge(input: { question: string; locale?: Language; sku?: string; category?: KnowledgeCategory; limit: number }): Promise<{
    matches: KnowledgeMatch[];
  }>;
  /** Counts the customer's word on the version they were shown, once per key. False: no such version. */
  countArticleOutcome(input: Idempotent & { articleId: string; version: number; answered: boolean }): Promise<{ counted: boolean }>;
}

/** The daily quality sample (docs/quality.md), drawn in PostgreSQL. */
export interface QualityPort {
  /** Draws the day once: a second call for the same day returns the first draw and adds nothing. */
  drawQualitySample(input: { day: string; policy: QualityPolicy }): Promise<QualitySampleSummary>;
}

export type Activities = InventoryPort &
  RoutingPort &
  LogisticsPort &
  PaymentsPort &
  NotificationPort &
  SupplierPort &
  InstallerPort &
  OrderPort &
  CustomerPort &
  ScorecardPort &
  PartnerReviewPort &
  RetentionPort &
  QualityPort &
  KnowledgePort &
  CaseStorePort &
  CaseStartPort;
