import type { Pool, PoolClient } from 'pg';

/**
 * Runs work on one connection inside BEGIN … COMMIT. `keep` may decide from the result that
 * nothing should persist (an outcome that is an answer, not a change), which rolls back instead.
 * A connection whose rollback fails is destroyed rather than handed to the next caller.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  keep: (result: T) => boolean = () => true,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query(keep(result) ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => {
      broken = rollbackErr;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
