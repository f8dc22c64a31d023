import type { Pool } from 'pg';

/** A rating a customer gave a case's service, from its timeline. */
export interface CustomerRating {
  caseId: string;
  /** CSAT, 1–5. */
  score: number;
  /** 0–10; null on a return's survey from before every case was asked (it asked no NPS). */
  nps: number | null;
  comment: string | null;
  at: string;
}

/**
 * The ratings a customer gave, newest first: each case's feedback (docs/feedback.md), and the
 * survey answers of returns from before it.
 */
export async function customerRatings(pool: Pool, customerId: string): Promise<CustomerRating[]> {
  const { rows } = await pool.query<{ case_id: string; score: string; nps: string | null; comment: string | null; at: string }>(
    `SELECT e.case_id, coalesce(e.data->>'csat', e.data->>'score') AS score, e.data->>'nps' AS nps, e.data->>'comment' AS comment, e.at
       FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE c.customer_id = $1 AND e.type IN ('feedback.given', 'survey.answered')
      ORDER BY e.at DESC`,
    [customerId],
  );
  return rows.map((r) => ({ caseId: r.case_id, score: Number(r.score), nps: r.nps === null ? null : Number(r.nps), comment: r.comment, at: r.at }));
}
