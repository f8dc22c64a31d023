import type { Pool } from 'pg';
import type { PartnerPolicy } from '../config/policies/partnerPolicy';
import { emptyCounts, type PartnerCounts, type PartnerKind, type PartnerRef, type PartnerStanding, standingOf } from '../domain/partnerStanding';

/**
 * The partner figures over the look-back window (docs/partners.md), counted at read time from
 * what the workflows already record: supplier steps (supplier_steps), a return's receipt at the
 * warehouse and its refund (case_events), the ratings of the feedback survey (case_events), and
 * the brands intake wrote on the case's items (cases.details). Nothing is stored for them.
 */

export interface Window {
  from: string;
  to: string;
}

const key = (kind: PartnerKind, id: string) => `${kind}:${id}`;

/**
 * The brands of the case aliased `c`, for a lateral join: a return's items'
 * (details.items[].brand) and a repair's item's (details.item.brand).
 */
const caseBrands = `
  SELECT DISTINCT brand FROM (
    SELECT item->>'brand' AS brand
      FROM jsonb_array_elements(CASE jsonb_typeof(c.details->'items') WHEN 'array' THEN c.details->'items' ELSE '[]'::jsonb END) AS item
    UNION ALL
    SELECT c.details->'item'->>'brand'
  ) AS named WHERE brand IS NOT NULL`;

// count() is bigint, which pg hands over as a string to keep precision; these fit a number.
type Counted<Names extends string> = Record<Names, string>;

function stepCounts(pool: Pool, window: Window, policy: PartnerPolicy) {
  return pool.query<{ id: string } & Counted<'total' | 'within_target' | 'on_time'>>(
    `SELECT supplier_id AS id,
            count(*)                                                                               AS total,
            count(*) FILTER (WHERE completed_at - requested_at <= $3::float8 * interval '1 millisecond')   AS within_target,
            count(*) FILTER (WHERE on_time)                                                        AS on_time
       FROM supplier_steps
      WHERE completed_at > $1 AND completed_at <= $2
      GROUP BY supplier_id`,
    [window.from, window.to, policy.stepsOnTime.withinMs],
  );
}

/**
 * Returns received at the warehouse in the window, per brand of their items. The clock runs from
 * the receipt to the refund; a return the inspection refused is owed no refund and does not count.
 * Due: refunded in time, or its time is up; pending: not refunded and still within its time.
 */
function returnCounts(pool: Pool, window: Window, policy: PartnerPolicy) {
  return pool.query<{ id: string } & Counted<'due' | 'honoured' | 'pending'>>(
    `WITH received AS (
       SELECT e.case_id, min(e.at) AS received_at
         FROM case_events e JOIN cases c ON c.id = e.case_id AND c.type = 'return'
        WHERE e.type = 'parcel.delivered' AND e.at > $1 AND e.at <= $2
        GROUP BY e.case_id
     ), clocked AS (
       SELECT r.case_id, r.received_at + $3::float8 * interval '1 millisecond' AS due_at,
              (SELECT min(x.at) FROM case_events x WHERE x.case_id = r.case_id AND x.type = 'refund.issued') AS refunded_at
         FROM received r
        WHERE NOT EXISTS (SELECT 1 FROM case_events x
                           WHERE x.case_id = r.case_id AND x.type = 'inspection.completed' AND x.data->>'result' <> 'restockable')
     )
     SELECT b.brand AS id,
            count(*) FILTER (WHERE refunded_at <= due_at OR due_at <= $2)         AS due,
            count(*) FILTER (WHERE refunded_at <= due_at)                         AS honoured,
            count(*) FILTER (WHERE refunded_at IS NULL AND due_at > $2)           AS pending
       FROM clocked k JOIN cases c ON c.id = k.case_id
      CROSS JOIN LATERAL (${caseBrands}) AS b
      GROUP BY b.brand`,
    [window.from, window.to, policy.returnsHonoured.withinMs],
  );
}

/**
 * Ratings given in the window, per partner of the rated case: its repair supplier and the brands
 * of its items. Negative for a supplier: the survey put the low rating on it; for a brand: CSAT at
 * most the policy's, for one of the brand reasons.
 */
function ratingCounts(pool: Pool, window: Window, policy: PartnerPolicy) {
  const { atMostCsat, brandReasons } = policy.negativeRatings;
  return pool.query<{ kind: PartnerKind; id: string } & Counted<'rated' | 'negative'>>(
    `WITH rated AS (
       SELECT e.case_id, (e.data->>'csat')::int AS csat, e.data->'reasons' AS reasons, e.data->'attributedTo' AS attributed_to
         FROM case_events e
        WHERE e.type = 'feedback.given' AND e.at > $1 AND e.at <= $2
     ), partners AS (
       SELECT 'supplier' AS kind, c.details->>'supplierId' AS id,
              (r.attributed_to->>'kind' = 'supplier' AND r.attributed_to->>'id' = c.details->>'supplierId') AS negative
         FROM rated r JOIN cases c ON c.id = r.case_id
        WHERE c.details ? 'supplierId'
       UNION ALL
       SELECT 'brand', b.brand, (r.csat <= $3 AND r.reasons ?| $4::text[])
         FROM rated r JOIN cases c ON c.id = r.case_id
        CROSS JOIN LATERAL (${caseBrands}) AS b
     )
     SELECT kind, id, count(*) AS rated, count(*) FILTER (WHERE negative) AS negative
       FROM partners GROUP BY kind, id`,
    [window.from, window.to, atMostCsat, brandReasons],
  );
}

/** Every partner with anything in the window, and those in `also`, with what was counted for each. */
async function countsByPartner(pool: Pool, window: Window, policy: PartnerPolicy, also: readonly PartnerRef[]) {
  const [steps, returns, ratings] = await Promise.all([
    stepCounts(pool, window, policy),
    returnCounts(pool, window, policy),
    ratingCounts(pool, window, policy),
  ]);
  const partners = new Map<string, { ref: PartnerRef; counts: PartnerCounts }>();
  const entry = (kind: PartnerKind, id: string) => {
    const k = key(kind, id);
    if (!partners.has(k)) partners.set(k, { ref: { kind, id }, counts: emptyCounts(kind) });
    return partners.get(k)!.counts;
  };
  for (const ref of also) entry(ref.kind, ref.id);
  for (const row of steps.rows) {
    entry('supplier', row.id).steps = { total: Number(row.total), withinTarget: Number(row.within_target), onTime: Number(row.on_time) };
  }
  for (const row of returns.rows) {
    entry('brand', row.id).returns = { due: Number(row.due), honoured: Number(row.honoured), pending: Number(row.pending) };
  }
  for (const row of ratings.rows) entry(row.kind, row.id).ratings = { rated: Number(row.rated), negative: Number(row.negative) };
  return [...partners.values()];
}

export function windowEndingAt(at: Date, policy: PartnerPolicy): Window {
  return { from: new Date(at.getTime() - policy.lookBackMs).toISOString(), to: at.toISOString() };
}

/**
 * How every partner stands at `at`: those with anything in the window and those in `also` (a
 * partner without history stands with zeros), flagged first, then by kind and id.
 */
export async function partnerStandings(
  pool: Pool,
  policy: PartnerPolicy,
  at: Date,
  also: readonly PartnerRef[] = [],
): Promise<PartnerStanding[]> {
  const partners = await countsByPartner(pool, windowEndingAt(at, policy), policy, also);
  return partners
    .map(({ ref, counts }) => standingOf(ref, counts, policy))
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}
