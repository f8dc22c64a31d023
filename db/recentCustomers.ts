import type { Pool } from 'pg';

/**
 * The customers whose latest case is newest, newest first: who a sandbox has just been working
 * with. An erased case is nobody's any more.
 */
export async function recentCustomerIds(pool: Pool, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ customer_id: string }>(
    `SELECT customer_id FROM cases WHERE erased_at IS NULL GROUP BY customer_id ORDER BY max(created_at) DESC, customer_id LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.customer_id);
}
