import type { Pool } from 'pg';
import type { SupplierStepRecord } from '../activities/types';

/** A supplier's record on repairs: punctuality per step, turnaround, and how often it gives up. */
export interface SupplierScorecard {
  supplierId: string;
  steps: { onTime: number; late: number };
  /** Mean time from the moment the step was expected to the moment it arrived, per step. */
  turnaroundMsByStep: Record<string, number>;
  repairs: { diagnosed: number; unrepairable: number; unrepairableRate: number };
  /** Low ratings whose reasons the feedback policy puts on the supplier (docs/feedback.md). */
  ratings: { negative: number };
}

/** Recording a (case, step) again changes nothing: the activity may be retried after it committed. */
export async function recordSupplierStep(pool: Pool, record: SupplierStepRecord): Promise<void> {
  await pool.query(
    `INSERT INTO supplier_steps (supplier_id, case_id, step, requested_at, completed_at, due_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id, step) DO NOTHING`,
    [record.supplierId, record.caseId, record.step, record.requestedAt, record.completedAt, record.dueAt],
  );
}

/**
 * A supplier with no history has a scorecard of zeros, not none. The unrepairable rate is the share
 * of assessed cases the supplier gave up on. A technician visit is the on-site counterpart of a
 * workshop diagnosis (the product is assessed, and usually fixed, in one go), so a case counts as
 * assessed when it has a 'diagnosed' or a 'visit_completed' step, and also when it has only an
 * 'unrepairable' one (nobody declares a product beyond repair without looking at it), which keeps
 * the rate within 0..1. A case counts once whatever steps it went through.
 */
export async function getSupplierScorecard(pool: Pool, supplierId: string): Promise<SupplierScorecard> {
  const [counts, turnaround, ratings] = await Promise.all([
    pool.query<{ on_time: string; late: string; diagnosed: string; unrepairable: string }>(
      `SELECT count(*) FILTER (WHERE on_time)                                                                  AS on_time,
              count(*) FILTER (WHERE NOT on_time)                                                              AS late,
              count(DISTINCT case_id) FILTER (WHERE step IN ('diagnosed', 'visit_completed', 'unrepairable')) AS diagnosed,
              count(DISTINCT case_id) FILTER (WHERE step = 'unrepairable')                                     AS unrepairable
         FROM supplier_steps WHERE supplier_id = $1`,
      [supplierId],
    ),
    pool.query<{ step: string; mean_ms: number }>(
      `SELECT step, round(avg(extract(epoch FROM completed_at - requested_at) * 1000))::float8 AS mean_ms
         FROM supplier_steps WHERE supplier_id = $1 GROUP BY step ORDER BY step`,
      [supplierId],
    ),
    pool.query<{ negative: string }>(
      `SELECT count(*) AS negative FROM cases
        WHERE details->'feedback'->'attributedTo'->>'kind' = 'supplier' AND details->'feedback'->'attributedTo'->>'id' = $1`,
      [supplierId],
    ),
  ]);
  // count() is bigint, which pg hands over as a string to keep precision; these fit a number.
  const totals = counts.rows[0];
  const diagnosed = Number(totals?.diagnosed ?? 0);
  const unrepairable = Number(totals?.unrepairable ?? 0);
  return {
    supplierId,
    steps: { onTime: Number(totals?.on_time ?? 0), late: Number(totals?.late ?? 0) },
    turnaroundMsByStep: Object.fromEntries(turnaround.rows.map((row) => [row.step, row.mean_ms])),
    repairs: { diagnosed, unrepairable, unrepairableRate: diagnosed === 0 ? 0 : unrepairable / diagnosed },
    ratings: { negative: Number(ratings.rows[0]?.negative ?? 0) },
  };
}
