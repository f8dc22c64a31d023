import type { Pool } from 'pg';

/**
 * The rate limits' windows in PostgreSQL (rate_limit_windows), shared by every API instance: a
 * client's budget is the same whichever instance it reaches. Times are the database's clock, so
 * instances whose clocks disagree still agree on when a window ends; what they are told is how
 * long is left, which each measures on its own clock.
 */

export interface WindowCount {
  hits: number;
  msLeft: number;
}

interface WindowRow {
  hits: number;
  ms_left: string;
}

const countOf = (row: WindowRow): WindowCount => ({ hits: row.hits, msLeft: Math.max(0, Math.ceil(Number(row.ms_left))) });

const msLeft = `extract(epoch FROM reset_at - now()) * 1000 AS ms_left`;

/**
 * Counts one request of the client: a window that has ended starts again at 1 for `windowMs`. One
 * statement, so concurrent requests of one client, at any instance, each see their own count.
 */
export async function countHit(pool: Pool, key: string, windowMs: number): Promise<WindowCount> {
  const { rows } = await pool.query<WindowRow>(
    `INSERT INTO rate_limit_windows AS w (key, hits, reset_at)
     VALUES ($1, 1, now() + $2 * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET
       hits     = CASE WHEN w.reset_at <= now() THEN 1 ELSE w.hits + 1 END,
       reset_at = CASE WHEN w.reset_at <= now() THEN excluded.reset_at ELSE w.reset_at END
     RETURNING hits, ${msLeft}`,
    [key, windowMs],
  );
  return countOf(rows[0]!);
}

/** The client's window now, or undefined when it has none or it has ended. */
export async function readWindow(pool: Pool, key: string): Promise<WindowCount | undefined> {
  const { rows } = await pool.query<WindowRow>(`SELECT hits, ${msLeft} FROM rate_limit_windows WHERE key = $1 AND reset_at > now()`, [key]);
  return rows[0] && countOf(rows[0]);
}

/** Takes back one request of a window still running. */
export async function uncountHit(pool: Pool, key: string): Promise<void> {
  await pool.query('UPDATE rate_limit_windows SET hits = greatest(hits - 1, 0) WHERE key = $1 AND reset_at > now()', [key]);
}

export async function forgetWindow(pool: Pool, key: string): Promise<void> {
  await pool.query('DELETE FROM rate_limit_windows WHERE key = $1', [key]);
}

/** Removes every window that has ended, of every limiter; answers how many. */
export async function sweepEndedWindows(pool: Pool): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM rate_limit_windows WHERE reset_at <= now()');
  return rowCount ?? 0;
}
