import type { Pool } from 'pg';

export interface OpenCaseCount {
  type: string;
  status: string;
  count: number;
}

/** How many cases are open now, per case type and status: one count over the open cases. */
export async function openCaseCounts(pool: Pool): Promise<OpenCaseCount[]> {
  const { rows } = await pool.query<{ type: string; status: string; count: string }>(
    'SELECT type, status, count(*) AS count FROM cases WHERE closed_at IS NULL GROUP BY type, status',
  );
  return rows.map((r) => ({ type: r.type, status: r.status, count: Number(r.count) }));
}
