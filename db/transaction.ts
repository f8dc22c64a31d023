import type { Pool, PoolClient } from 'pg';

/**
 * Runs work on one connection inside BEGIN … COMMIT. `keep` may decide from the result that
 * nothing should persist (an outcome that is an answer, not a change), which rolls back instead.
 * A connection whose rollback fails, or that dropped, is destroyed rather than handed to the next
 * caller.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  keep: (result: T) => boolean = () => true,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection that drops (a database restart) fails the query in flight and also emits 'error'
  // on the client. The pool listens only to idle clients: unheard, that event would crash the process.
  const dropped = (err: Error) => {
    broken = err;
  };
  client.on('error', dropped);
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
    client.off('error', dropped);
    client.release(broken);
  }
}
