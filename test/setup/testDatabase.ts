import { randomBytes } from 'node:crypto';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../db/embeddedPostgres';
import { freePort } from '../../scripts/net';

export interface TestDatabase {
  databaseUrl: string;
  /** Drops the database, or stops the embedded server that holds it. */
  dispose(): Promise<void>;
}

/**
 * A database no earlier run has touched: on the server DATABASE_URL names when set (so CI can bring
 * its own PostgreSQL), else on an embedded server in scratchDir.
 */
export function createTestDatabase(opts: {
  serverUrl: string | undefined;
  scratchDir: string;
  onProgress: (msg: string) => void;
}): Promise<TestDatabase> {
  return opts.serverUrl ? createOnServer(opts.serverUrl, opts.onProgress) : startEmbedded(opts.scratchDir, opts.onProgress);
}

async function createOnServer(serverUrl: string, onProgress: (msg: string) => void): Promise<TestDatabase> {
  const name = `aso_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  try {
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not create a test database on ${url.host} (from DATABASE_URL): ${reason}`, { cause: error });
  }
  url.pathname = `/${name}`;
  onProgress(`created database ${name} on ${url.host}`);
  return {
    databaseUrl: url.toString(),
    dispose: async () => {
      // FORCE: a test that leaked a pool must not make every later run keep its database.
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}

async function startEmbedded(scratchDir: string, onProgress: (msg: string) => void): Promise<TestDatabase> {
  // As root the server runs as the 'postgres' system user, which must be able to reach its data dir.
  await chmod(scratchDir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: join(scratchDir, 'postgres'),
    port: await freePort(),
    database: 'aso_test',
    onProgress,
  });
  return { databaseUrl: server.databaseUrl, dispose: () => server.stop() };
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
