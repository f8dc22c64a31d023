import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { runScript } from './runScript';
import { onServer, ownDatabase } from './ownDatabase';

/** The `npm run migrate` CLI against a database of its own, so its first run really migrates. */

const database = ownDatabase('migrate');
const databaseUrl = database.url;

const migrate = (env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl }) =>
  runScript('db/migrate.ts', [], env);

/** Every migration the repository ships, in the order their numbers give. */
async function migrationFiles(): Promise<string[]> {
  const files = await readdir(path.resolve(__dirname, '../../../db/migrations'));
  return files.filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, '')).sort();
}

const appliedMigrations = () =>
  onServer(
    async (client) => (await client.query('SELECT name, run_on FROM pgmigrations ORDER BY id')).rows,
    databaseUrl,
  );

beforeAll(() => database.create());
afterAll(() => database.drop());

describe('npm run migrate', () => {
  it('applies every migration once when two processes migrate at the same time', async () => {
    const runs = await Promise.all([migrate(), migrate()]);

    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect((await appliedMigrations()).map((m) => m.name)).toEqual(await migrationFiles());
  });

  it('changes nothing when run again', async () => {
    const before = await appliedMigrations();

    const run = await migrate();

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No migrations to run!');
    expect(await appliedMigrations()).toEqual(before);
  });

  it('names the missing setting instead of guessing a database', async () => {
    const { DATABASE_URL: _, ...withoutUrl } = process.env;

    const run = await migrate(withoutUrl);

    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('DATABASE_URL');
  });
});
