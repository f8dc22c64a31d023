import { z } from 'zod';
import { CarrierEventType, InspectionResult, SupplierStep, VisitOutcome } from '../../domain';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../webhooks/signature';
import { CaseId } from './caseId';

const EventId = z
  .string()
  .min(1)
  .max(128)
  .meta({ description: "The partner's id for this event; a redelivery with the same id changes nothing" });
const OccurredAt = z.iso.datetime({ offset: true });
export const PartnerId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits and . _ - only');

/** Documents the signature headers; requireSignature checks them before any parsing. */
export const SignatureHeaders = z.object({
  [TIMESTAMP_HEADER]: z.string().meta({ description: 'Unix seconds when the partner signed the request' }),
  [SIGNATURE_HEADER]: z.string().meta({ description: 'v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">' }),
});

export const CarrierParams = z.object({ carrier: PartnerId });
export const WarehouseParams = z.object({ warehouseId: PartnerId });
export const SupplierParams = z.object({ supplierId: PartnerId });

export const CarrierEvent = z
  .object({
    eventId: EventId,
    type: CarrierEventType,
    caseId: CaseId,
    trackingNumber: z.string().min(1).max(64),
    occurredAt: OccurredAt,
  })
  .meta({ id: 'CarrierEvent' });

export const WarehouseEvent = z
  .object({
    eventId: EventId,
    type: z.literal('inspected'),
    caseId: CaseId,
    result: InspectionResult,
    notes: z.string().max(2000).optional(),
    occurredAt: OccurredAt,
  })
  .meta({ id: 'WarehouseEvent' });

/** Steps whose event means nothing without one field: the parcel going back, the visit's result. */
const requiredWith: Partial<Record<SupplierStep, 'trackingNumber' | 'outcome'>> = {
  shipped_back: 'trackingNumber',
  visit_completed: 'outcome',
};

export const SupplierEvent = z
  .object({
    eventId: EventId,
    type: SupplierStep,
    caseId: CaseId,
    occurredAt: OccurredAt,
    diagnosis: z.string().min(1).max(2000).optional(),
    quote: z
      .object({ amount: z.number().int().positive(), currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code') })
      .optional()
      .meta({ description: 'Out of warranty: what the repair costs, in minor units; the customer approves or declines it' }),
    trackingNumber: z.string().min(1).max(64).optional().meta({ description: 'shipped_back: the parcel coming back' }),
    outcome: VisitOutcome.optional().meta({ description: 'visit_completed: what the technician achieved' }),
  })
  .superRefine((event, ctx) => {
    const field = requiredWith[event.type];
    if (field && event[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required with ${event.type}` });
  })
  .meta({ id: 'SupplierEvent' });
