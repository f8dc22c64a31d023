import { z } from 'zod';
import { enumValues } from './enumValues';

/**
 * The partner systems that report steps of cases through signed webhooks, and what each one's
 * event carries besides the envelope (event id, case id, step, time). A process names the steps
 * it takes from each (its definition's `steps`); the API serves one webhook per partner kind,
 * whose `type` takes every registered process's steps of that kind.
 */

const TrackingNumber = z.string().min(1).max(64);

export const InspectionResult = z.enum(['restockable', 'damaged']).meta({ id: 'InspectionResult' });
export type InspectionResult = z.infer<typeof InspectionResult>;

export const VisitOutcome = z.enum(['repaired', 'unrepairable']).meta({ id: 'VisitOutcome' });
export type VisitOutcome = z.infer<typeof VisitOutcome>;

export const Quote = z
  .object({ amount: z.number().int().positive(), currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code') })
  .meta({ description: 'Out of warranty: what the repair costs, in minor units; the customer approves or declines it' });

export interface PartnerChannelSpec<Data extends z.ZodObject = z.ZodObject> {
  /** The URL segment of its webhook: /v1/webhooks/<collection>/:<param>. */
  collection: string;
  /** The path parameter naming the partner; its value is the partner id the signature is checked for. */
  param: string;
  /** The OpenAPI component of its event. */
  eventSchemaId: string;
  summary: string;
  /** What its event carries besides the envelope; the workflow receives exactly this as the step's data. */
  data: Data;
}

export const partnerChannels = {
  carrier: {
    collection: 'carriers',
    param: 'carrier',
    eventSchemaId: 'CarrierEvent',
    summary: 'A carrier reports a parcel step (signed)',
    data: z.object({ trackingNumber: TrackingNumber.meta({ description: 'The tracking number of the label the case issued' }) }),
  },
  warehouse: {
    collection: 'warehouses',
    param: 'warehouseId',
    eventSchemaId: 'WarehouseEvent',
    summary: 'A warehouse reports the inspection of a returned parcel (signed)',
    data: z.object({ result: InspectionResult, notes: z.string().max(2000).optional() }),
  },
  supplier: {
    collection: 'suppliers',
    param: 'supplierId',
    eventSchemaId: 'SupplierEvent',
    summary: 'A repair supplier reports a step of a repair order (signed)',
    data: z.object({
      diagnosis: z.string().min(1).max(2000).optional(),
      quote: Quote.optional(),
      trackingNumber: TrackingNumber.optional().meta({ description: 'shipped_back: the parcel coming back' }),
      outcome: VisitOutcome.optional().meta({ description: 'visit_completed: what the technician achieved' }),
    }),
  },
  installer: {
    collection: 'installers',
    param: 'installerId',
    eventSchemaId: 'InstallerEvent',
    summary: 'An installer reports the outcome of a technician visit that installs and inspects a delivered product (signed)',
    data: z.object({
      jobId: z.string().min(1).max(64).meta({ description: "The installer's job the case booked" }),
      defect: z.string().min(1).max(2000).optional().meta({ description: 'defect_found: what the technician found at unboxing' }),
      notes: z.string().max(2000).optional(),
    }),
  },
} as const satisfies Record<string, PartnerChannelSpec<z.ZodObject>>;

export type PartnerKind = keyof typeof partnerChannels;
export const PartnerKind = z.enum(enumValues(Object.keys(partnerChannels) as PartnerKind[]));
export type PartnerChannel = PartnerChannelSpec;

/** What a step of this kind of partner carries to the workflow. */
export type PartnerStepData<K extends PartnerKind> = z.output<(typeof partnerChannels)[K]['data']>;
