import type { Pool } from 'pg';
import { openCase, recordCaseEvent } from '../../db/caseRecords';
import type { FeedbackAttribution, FeedbackReason } from '../../domain/feedback';
import { caseEvent, caseInput } from '../integration/db/caseStoreFixtures';

/**
 * Made-up cases with the facts the partner figures read (docs/partners.md): the brands intake
 * writes on a case's items, a return's receipt and refund, a repair's supplier, a rating. Each
 * step is dated relative to now, as the figures' look-back window is.
 */

const DAY_MS = 86_400_000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

interface Step {
  type: string;
  daysAgo: number;
  data?: Record<string, unknown>;
  details?: Record<string, unknown>;
}

async function caseWith(pool: Pool, spec: { type: 'return' | 'repair'; details: Record<string, unknown>; steps: Step[] }): Promise<string> {
  const opened = Math.max(...spec.steps.map((s) => s.daysAgo)) + 1;
  const input = caseInput({ type: spec.type, details: spec.details, createdAt: daysAgo(opened), lines: [] });
  expect(await openCase(pool, input)).toEqual({ kind: 'created' });
  for (const step of spec.steps) {
    const patch = step.details ? { details: step.details } : {};
    await recordCaseEvent(pool, caseEvent(input.caseId, { type: step.type, at: daysAgo(step.daysAgo), data: step.data ?? {}, patch }));
  }
  return input.caseId;
}

/** Items of these brands (undefined: the shop's own label), one SKU each. */
const itemsOf = (brands: (string | undefined)[]) =>
  brands.map((brand, i) => ({ sku: `SKU-${i}`, quantity: 1, condition: 'unopened', ...(brand && { brand }) }));

/**
 * A return of items of these brands received at the warehouse `receivedDaysAgo` days ago, refunded
 * `refundedAfterDays` later (never, when absent), or refused at inspection.
 */
export function brandReturn(
  pool: Pool,
  spec: { brands: (string | undefined)[]; receivedDaysAgo: number; refundedAfterDays?: number; refusedAtInspection?: boolean },
): Promise<string> {
  const { receivedDaysAgo: received, refundedAfterDays } = spec;
  const steps: Step[] = [
    { type: 'case.approved', daysAgo: received + 3 },
    { type: 'parcel.delivered', daysAgo: received },
    { type: 'inspection.completed', daysAgo: received, data: { result: spec.refusedAtInspection ? 'damaged' : 'restockable' } },
  ];
  if (refundedAfterDays !== undefined) steps.push({ type: 'refund.issued', daysAgo: received - refundedAfterDays, data: { amount: 1_000 } });
  return caseWith(pool, { type: 'return', details: { reason: 'does not fit', items: itemsOf(spec.brands) }, steps });
}

/**
 * A rating given `ratedDaysAgo` days ago on a return of items of these brands, or a repair of one
 * by a supplier, on the timeline and the record as the feedback survey writes them.
 */
export function ratedCase(
  pool: Pool,
  spec: {
    ratedDaysAgo: number;
    csat: number;
    reasons?: FeedbackReason[];
    attributedTo?: FeedbackAttribution;
  } & ({ brands: (string | undefined)[] } | { repair: { supplierId: string; brand?: string } }),
): Promise<string> {
  const { csat, reasons = [], attributedTo = null } = spec;
  const answer = { csat, nps: csat * 2, reasons, attributedTo };
  const given: Step = { type: 'feedback.given', daysAgo: spec.ratedDaysAgo, data: answer, details: { feedback: { status: 'answered', ...answer } } };
  if ('brands' in spec) return caseWith(pool, { type: 'return', details: { items: itemsOf(spec.brands) }, steps: [given] });
  const { supplierId, brand } = spec.repair;
  const item = { sku: 'TV-55', category: 'tv', ...(brand && { brand }) };
  return caseWith(pool, { type: 'repair', details: { item, supplierId }, steps: [given] });
}
