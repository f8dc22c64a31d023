import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScript } from './runScript';

/** Each session is a separate process, as a restarted service would be. */

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'embedded-pg-'));
  // As root the server runs as the 'postgres' system user, which must be able to reach the data.
  await chmod(root, 0o755);
});
afterAll(() => rm(root, { recursive: true, force: true }));

function listen(port = 0): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const probe = await listen();
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const runSession = (dataDir: string, port: number, sql: string) =>
  runScript('test/integration/db/embeddedPostgresSession.ts', [dataDir, String(port), sql], process.env);

async function session(dataDir: string, port: number, sql: string) {
  const run = await runSession(dataDir, port, sql);
  if (run.code !== 0) throw new Error(`session failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { progress: string[]; rows: unknown[] };
}

describe('startEmbeddedPostgres', () => {
  it('keeps the data across a restart, initialising the cluster only once', async () => {
    const dataDir = path.join(root, 'kept');
    const port = await freePort();

    const first = await session(dataDir, port, `CREATE TABLE kept AS SELECT 'survives restarts' AS note`);
    const second = await session(dataDir, port, 'SELECT note FROM kept');

    expect(first.progress).toEqual(
      expect.arrayContaining([expect.stringMatching(/^initialising/), 'created database after_sales']),
    );
    expect(second.progress.filter((m) => /^initialising|^created database/.test(m))).toEqual([]);
    expect(second.rows).toEqual([{ note: 'survives restarts' }]);
  }, 120_000);

  it('names EMBEDDED_POSTGRES_PORT when the port is taken', async () => {
    const squatter = await listen();
    const { port } = squatter.address() as AddressInfo;
    try {
      const run = await runSession(path.join(root, 'busy'), port, 'SELECT 1');

      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('EMBEDDED_POSTGRES_PORT');
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 60_000);
});
