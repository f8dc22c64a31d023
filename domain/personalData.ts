import { z } from 'zod';

/**
 * What an erasure removes from a case's stored details and timeline (docs/security.md#erasure-and-retention),
 * by the name of the field that holds it, at any depth:
 * - contact details, on cases opened before contact was looked up instead of kept;
 * - free text: what the customer wrote, and what staff and partners wrote about the case, which
 *   may name or describe them;
 * - references under which another system keeps the customer's personal data: the order (name,
 *   address), the payment, the parcel, the supplier's repair order and the installer's job (the
 *   address visited).
 * What stays are the facts the KPIs and the partner figures are made of: process, status, dates,
 * amounts, items (SKU, brand), outcome, scores and reason codes of ratings, SLA clocks.
 */
export const contactFields = ['contact', 'email', 'phone', 'mobile', 'address', 'street', 'postalCode', 'firstName', 'lastName', 'fullName', 'name'];
export const freeTextFields = ['description', 'subject', 'question', 'problem', 'text', 'note', 'notes', 'reason', 'comment', 'solution', 'diagnosis', 'defect'];
export const referenceFields = ['orderId', 'refundId', 'chargeId', 'trackingNumber', 'repairOrderId', 'jobId'];

const personalFields = new Set([...contactFields, ...freeTextFields, ...referenceFields]);

/** What an erased text reads, where the field stays (its absence would read as never given). */
export const ERASED = '[erased]';

/** What an erased case shows as its customer: who it was is gone, and no two erased cases share one. */
export function erasedCustomerId(caseId: string): string {
  return `erased:${caseId}`;
}

function erasedValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(erasedValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, erasedValue(v)]));
  return typeof value === 'string' ? ERASED : null;
}

/**
 * A copy of a case's details or an event's data without personal data: every value under a
 * personal field erased (texts become ERASED, other values null, at any depth below it), and the
 * customer's id replaced wherever it is a whole value.
 */
export function withoutPersonalData(value: unknown, customerId: string, replacement: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item, customerId, replacement));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, personalFields.has(key) ? erasedValue(v) : withoutPersonalData(v, customerId, replacement)]),
    );
  }
  return value === customerId ? replacement : value;
}

/**
 * Why a customer's personal data is erased, as PIPL art. 47 has it: the customer asked, withdrew
 * the consent it was processed under, its purpose is fulfilled, or it was processed unlawfully;
 * and retention, which the service applies itself once the retention period is over.
 */
export const ErasureGround = z
  .enum(['customer_request', 'consent_withdrawn', 'purpose_fulfilled', 'unlawful_processing', 'retention_expired'])
  .meta({ id: 'ErasureGround' });
export type ErasureGround = z.infer<typeof ErasureGround>;

const Count = z.number().int().nonnegative();

/** How much an erasure touched, as its answer and the audit give it. */
export const ErasureCounts = z
  .object({
    cases: Count.meta({ description: 'Cases whose personal data was erased' }),
    events: Count.meta({ description: 'Timeline events that said something about the customer' }),
    notifications: Count.meta({ description: "Messages sent whose gateway reference was erased" }),
    qualityReviews: Count.meta({ description: "Quality reviews whose reviewer's comment was erased" }),
    dataKeys: Count.meta({ description: "The customer's data keys destroyed: their Temporal payloads can no longer be read" }),
  })
  .meta({ id: 'ErasureCounts' });
export type ErasureCounts = z.infer<typeof ErasureCounts>;
