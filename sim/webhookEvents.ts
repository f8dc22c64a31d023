import type { StepOf } from '../domain/process';
import type { installations } from '../workflows/installations/definition';
import { randomUUID } from 'node:crypto';
import type { InspectionResult, VisitOutcome } from '../domain/partners';
import type { ParcelStep } from '../workflows/returns/state';
import type { SupplierStep } from '../workflows/repairs/state';
import { CARRIER_ID } from './carrier';
import { WAREHOUSE_ID } from './warehouse';

/** The webhook bodies partners send our API (the contract the api/webhooks routes parse). */

interface PartnerEvent {
  eventId: string;
  caseId: string;
  occurredAt: string;
}

export interface CarrierEvent extends PartnerEvent {
  type: ParcelStep;
  trackingNumber: string;
}

export interface InspectionEvent extends PartnerEvent {
  type: 'inspected';
  result: InspectionResult;
  notes?: string;
}

export interface SupplierEvent extends PartnerEvent {
  type: SupplierStep;
  diagnosis?: string;
  /** Out of warranty: what the repair costs, in minor units. */
  quote?: { amount: number; currency: string };
  trackingNumber?: string;
  outcome?: VisitOutcome;
}

/** What a technician reports of an installation job once the visit is over: the installation process's installer steps. */
export type InstallerStep = StepOf<typeof installations>;

export interface InstallerEvent extends PartnerEvent {
  type: InstallerStep;
  jobId: string;
  /** defect_found: what the technician found as they unboxed the item. */
  defect?: string;
  notes?: string;
}

/** The order system's notice that an order reached its customer: about an order, not a case. */
export interface DeliveryNotice {
  eventId: string;
  type: 'delivered';
  orderId: string;
  occurredAt: string;
}

/** The id the simulated order system signs its notices as (`orders:<id>` in WEBHOOK_SECRETS). */
export const ORDER_SYSTEM_ID = 'sim-orders';

export type PartnerWebhook = { path: string; event: CarrierEvent | InspectionEvent | SupplierEvent | InstallerEvent | DeliveryNotice };

export function deliveryWebhook(orderId: string): PartnerWebhook {
  return {
    path: `/v1/webhooks/orders/${ORDER_SYSTEM_ID}`,
    event: { eventId: randomUUID(), type: 'delivered', orderId, occurredAt: new Date().toISOString() },
  };
}

/** What a caller gives for an event: its content, and optionally the id a redelivery must reuse. */
type EventContent<E extends PartnerEvent> = Omit<E, keyof PartnerEvent> & { caseId: string; eventId?: string };

/**
 * When each event id the caller named was first sent: a redelivery is the same event, with the
 * time it first happened, as a partner's is (our API answers an id reused with another body 409).
 * Bounded, oldest forgotten first: redeliveries come soon after the first delivery.
 */
const firstOccurred = new Map<string, string>();
const REMEMBERED_EVENT_IDS = 10_000;

function occurredAt(eventId: string | undefined): string {
  const now = new Date().toISOString();
  if (eventId === undefined) return now;
  const first = firstOccurred.get(eventId);
  if (first) return first;
  if (firstOccurred.size >= REMEMBERED_EVENT_IDS) firstOccurred.delete(firstOccurred.keys().next().value!);
  firstOccurred.set(eventId, now);
  return now;
}

function stamped<E extends PartnerEvent>({ eventId, ...content }: EventContent<E>): E {
  return { ...content, eventId: eventId ?? randomUUID(), occurredAt: occurredAt(eventId) } as E;
}

export function carrierWebhook(e: EventContent<CarrierEvent>): PartnerWebhook {
  return { path: `/v1/webhooks/carriers/${CARRIER_ID}`, event: stamped(e) };
}

export function inspectionWebhook(e: Omit<EventContent<InspectionEvent>, 'type'>): PartnerWebhook {
  return { path: `/v1/webhooks/warehouses/${WAREHOUSE_ID}`, event: stamped<InspectionEvent>({ ...e, type: 'inspected' }) };
}

export function supplierWebhook(supplierId: string, e: EventContent<SupplierEvent>): PartnerWebhook {
  return { path: `/v1/webhooks/suppliers/${encodeURIComponent(supplierId)}`, event: stamped(e) };
}

export function installerWebhook(installerId: string, e: EventContent<InstallerEvent>): PartnerWebhook {
  return { path: `/v1/webhooks/installers/${encodeURIComponent(installerId)}`, event: stamped(e) };
}
