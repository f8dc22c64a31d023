import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../../db/embeddedPostgres';

/**
 * One life of an embedded server, in a process of its own (run by embeddedPostgres.test.ts):
 * start it on <dataDir> <port> (with the PostgreSQL in [installDir], and [sharedDir] for what
 * root must place outside), run one SQL statement, stop it, and print what happened as JSON.
 */
async function main(): Promise<void> {
  const [dataDir, port, sql, installDir, sharedDir] = process.argv.slice(2);
  if (!dataDir || !port || !sql) throw new Error('usage: embeddedPostgresSession <dataDir> <port> <sql> [installDir] [sharedDir]');
  const progress: string[] = [];
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(port),
    onProgress: (m) => progress.push(m),
    installDir: installDir || undefined,
    sharedDir: sharedDir || undefined,
  });
  try {
    const client = new Client({ connectionString: server.databaseUrl });
    await client.connect();
    const result = await client.query(sql).finally(() => client.end());
    console.log(JSON.stringify({ progress, rows: result.rows }));
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
