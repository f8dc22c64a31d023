import { Pool, types, type CustomTypesConfig } from 'pg';

const parseTimestamptz: (value: string) => Date = types.getTypeParser(types.builtins.TIMESTAMPTZ);

/**
 * Timestamps leave the database as ISO strings, the shape CaseRecord and CaseEvent carry, so no
 * Date object leaks into JSON or workflow payloads. Scoped to our pools rather than set globally
 * on pg, which would change the behaviour of every other pg user in the process.
 */
const isoTimestamps: CustomTypesConfig = {
  getTypeParser: (id, format) =>
    id === types.builtins.TIMESTAMPTZ && format !== 'binary'
      ? (value: string) => parseTimestamptz(value).toISOString()
      : types.getTypeParser(id, format),
};

export function createPool(databaseUrl: string, max = 10): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max,
    application_name: 'after-sales-orchestrator',
    types: isoTimestamps,
  });
  // An idle client whose connection drops (server restart, failover) emits 'error' on the pool;
  // with no listener that would crash the process. pg discards the client and the next checkout
  // connects afresh, so a warning is all it deserves. Callers may add their own listener.
  pool.on('error', (err) => {
    process.emitWarning(`idle PostgreSQL client failed: ${err.message}`, 'PostgresPoolWarning');
  });
  return pool;
}
