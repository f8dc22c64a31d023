import type { Pool } from 'pg';

/** A rating a customer gave a case's service, from its timeline. */
export interface CustomerRating {
  caseId: string;
  score: number;
  comment: string | null;
  at: string;
}

/** The ratings a customer gave, newest first (each case's survey answer). */
export async function customerRatings(pool: Pool, customerId: string): Promise<CustomerRating[]> {
  const { rows } = await pool.query<{ case_id: string; score: string; comment: string | null; at: string }>(
    `SELECT e.case_id, e.data->>'score' AS score, e.data->>'comment' AS comment, e.at
       FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE c.customer_id = $1 AND e.type = 'survey.answered'
      ORDER BY e.at DESC`,
    [customerId],
  );
  return rows.map((r) => ({ caseId: r.case_id, score: Number(r.score), comment: r.comment, at: r.at }));
}
