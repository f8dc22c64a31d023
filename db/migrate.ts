import path from 'node:path';
import { runner } from 'node-pg-migrate';
import { ConfigError, loadConfig, requireConfig } from '../config/env';

const migrationsDir = path.join(__dirname, 'migrations');

/**
 * Brings the schema up to date. Every process that needs the database may call this at start-up:
 * applied migrations are skipped, and a second process arriving meanwhile waits on
 * node-pg-migrate's advisory lock (instead of failing) and then finds nothing left to do.
 */
export async function migrateDatabase(databaseUrl: string, log: (msg: string) => void = () => {}): Promise<void> {
  await runner({
    databaseUrl,
    dir: migrationsDir,
    migrationsTable: 'pgmigrations',
    direction: 'up',
    singleTransaction: true,
    advisoryLockMode: 'wait',
    log,
  });
}

async function main(): Promise<void> {
  const config = requireConfig(loadConfig(), 'DATABASE_URL');
  await migrateDatabase(config.DATABASE_URL, (msg) => console.log(msg));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    const detail = err instanceof Error ? err.message : String(err);
    console.error(err instanceof ConfigError ? detail : `migration failed: ${detail}`);
    process.exitCode = 1;
  });
}
