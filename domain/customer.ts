import { z } from 'zod';

/**
 * Who a case is for, as the systems of record say: the customer system's id, the segment their
 * order history puts them in, and the language they read. Contact details are personal data: a
 * case never carries them; a message looks them up when it is sent.
 */

/** The RFM segment of a customer (config/policies/segmentPolicy.ts says how it is found). */
export const Segment = z.enum(['high_value', 'loyal', 'new', 'at_risk', 'standard']).meta({ id: 'CustomerSegment' });
export type Segment = z.infer<typeof Segment>;

/** What cases opened before segments carried: the tier the request claimed (remove with those cases). */
export const LegacyTier = z.enum(['standard', 'vip']);
export type LegacyTier = z.infer<typeof LegacyTier>;

/** A case's customer class: the segment it pinned, or the legacy tier of a case opened before segments. */
export const CustomerClass = z.enum([...Segment.options, 'vip']).meta({ id: 'CustomerClass' });
export type CustomerClass = z.infer<typeof CustomerClass>;

export const Language = z.enum(['zh-CN', 'en']).meta({ id: 'Language' });
export type Language = z.infer<typeof Language>;

/** The customer as a case pins it at intake. */
export interface CaseCustomer {
  id: string;
  /** Absent only on cases opened before segments (they carry `tier`). */
  segment?: Segment;
  /** Absent only on cases opened before segments: English. */
  language?: Language;
  /** The agent the customer's complaints go to first, when they have one. */
  advisorId?: string | null;
  /** Cases opened before segments: the tier the request claimed. */
  tier?: LegacyTier;
  /** Cases opened before segments carried the contact; newer ones look it up when a message goes out. */
  contact?: { name?: string; email?: string; phone?: string };
}

/** The class policies by customer key on: the segment, or a legacy case's tier. */
export function customerClass(customer: Pick<CaseCustomer, 'segment' | 'tier'>): CustomerClass {
  return customer.segment ?? customer.tier ?? 'standard';
}
