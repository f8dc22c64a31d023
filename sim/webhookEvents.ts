import { randomUUID } from 'node:crypto';
import type { CarrierEventType, InspectionResult } from '../domain';
import { CARRIER_ID } from './carrier';

/** The webhook bodies partners send our API (the contract the api/webhooks routes parse). */

export const WAREHOUSE_ID = 'sim-warehouse';

export interface CarrierEvent {
  eventId: string;
  type: CarrierEventType;
  caseId: string;
  trackingNumber: string;
  occurredAt: string;
}

export interface InspectionEvent {
  eventId: string;
  type: 'inspected';
  caseId: string;
  result: InspectionResult;
  notes?: string;
  occurredAt: string;
}

export type PartnerWebhook = { path: string; event: CarrierEvent | InspectionEvent };

export function carrierWebhook(e: Omit<CarrierEvent, 'eventId' | 'occurredAt'> & { eventId?: string }): PartnerWebhook {
  return {
    path: `/v1/webhooks/carriers/${CARRIER_ID}`,
    event: { ...e, eventId: e.eventId ?? randomUUID(), occurredAt: new Date().toISOString() },
  };
}

export function inspectionWebhook(
  e: Omit<InspectionEvent, 'eventId' | 'occurredAt' | 'type'> & { eventId?: string },
): PartnerWebhook {
  return {
    path: `/v1/webhooks/warehouses/${WAREHOUSE_ID}`,
    event: { ...e, type: 'inspected', eventId: e.eventId ?? randomUUID(), occurredAt: new Date().toISOString() },
  };
}
