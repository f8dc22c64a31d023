import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, chmod, chown, cp, lstat, mkdir, readdir, readFile, readlink, rename, rm, rmdir, symlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as a 'postgres' system
 * user, who must be able to execute the install and enter the cluster's folder. A clone in root's
 * home (0700) or in a `mktemp -d` folder offers neither. Then the install is copied, once per
 * PostgreSQL build, and the cluster kept, to a root-owned folder outside the clone that the
 * 'postgres' user can enter; the data folder becomes a link to that cluster.
 */

/** Root-owned, readable by all; where copies for the 'postgres' user live. */
export const DEFAULT_SHARED_DIR = '/var/lib/after-sales-orchestrator';

export interface ServerUser {
  uid: number;
  gid: number;
}

export interface ServerPlacement {
  /** bin/, lib/ and share/ of a PostgreSQL install the server's user can execute. */
  installDir: string;
  /** The cluster's real folder (the data folder, or what it links to), which the server's user can enter. */
  clusterDir: string;
  /** The 'postgres' system user as root; null: the current user. */
  runAs: ServerUser | null;
}

export async function placeServer(opts: {
  installDir: string;
  dataDir: string;
  sharedDir: string;
  onProgress: (msg: string) => void;
}): Promise<ServerPlacement> {
  await mkdir(path.dirname(opts.dataDir), { recursive: true });
  if (process.getuid?.() !== 0) return { installDir: opts.installDir, clusterDir: opts.dataDir, runAs: null };
  const runAs = postgresUser();
  return {
    runAs,
    installDir: await reachableInstall(opts.installDir, runAs, opts.sharedDir, opts.onProgress),
    clusterDir: await reachableCluster(opts.dataDir, runAs, opts.sharedDir, opts.onProgress),
  };
}

function postgresUser(): ServerUser {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // No such user yet: create one that can do nothing but own PostgreSQL's files.
  }
  try {
    spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], { stdio: 'pipe' });
    return { uid: id('-u'), gid: id('-g') };
  } catch (error) {
    throw new Error(
      "embedded PostgreSQL cannot run as root and could not create a 'postgres' user to run as " +
        `(${error instanceof Error ? error.message : String(error)}): create one, run as a regular user, or set DATABASE_URL.`,
      { cause: error },
    );
  }
}

function runsAs(user: ServerUser, command: string, args: string[]): boolean {
  const run = spawnSync(command, args, { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return !run.error && run.status === 0;
}

const canExecute = (user: ServerUser, installDir: string) => runsAs(user, path.join(installDir, 'bin', 'postgres'), ['--version']);
const canEnter = (user: ServerUser, dir: string) => runsAs(user, '/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir]);
/** Whether the user can reach the folder (every folder on its path) and create files in it. */
export const canWriteTo = (user: ServerUser, dir: string) => runsAs(user, '/bin/sh', ['-c', 'cd -- "$1" && test -w .', 'sh', dir]);

async function reachableInstall(
  installDir: string,
  user: ServerUser,
  sharedDir: string,
  onProgress: (msg: string) => void,
): Promise<string> {
  if (canExecute(user, installDir)) return installDir;
  // Named by the build, so every clone of the same version shares one copy.
  const build = createHash('sha256').update(await readFile(path.join(installDir, 'bin', 'postgres'))).digest('hex');
  const copy = path.join(sharedDir, `postgres-install-${build.slice(0, 16)}`);
  if (!(await exists(copy))) {
    onProgress(`copying PostgreSQL to ${copy}: the 'postgres' user it runs as cannot reach ${installDir}`);
    await mkdirReadable(sharedDir);
    const partial = `${copy}.${process.pid}.partial`;
    await cp(installDir, partial, { recursive: true, verbatimSymlinks: true });
    await makeReadable(partial);
    // Whole or not at all: a concurrent start may have renamed its own copy into place first.
    await rename(partial, copy).catch(() => rm(partial, { recursive: true, force: true }));
  }
  if (!canExecute(user, copy)) {
    throw new Error(
      `embedded PostgreSQL runs as the 'postgres' user when started as root, and that user can execute neither ${installDir}/bin/postgres ` +
        `nor its copy in ${copy}: let it enter ${sharedDir}, run as a regular user, or set DATABASE_URL to use a PostgreSQL server of your own.`,
    );
  }
  return copy;
}

async function reachableCluster(
  dataDir: string,
  user: ServerUser,
  sharedDir: string,
  onProgress: (msg: string) => void,
): Promise<string> {
  const found = await lstat(dataDir).catch(() => null);
  // Placed outside on an earlier start.
  if (found?.isSymbolicLink()) return ownedBy(user, await readlink(dataDir));
  if (canEnter(user, path.dirname(dataDir))) return ownedBy(user, dataDir);

  if (found) {
    if (await exists(path.join(dataDir, 'PG_VERSION'))) throw unreachableCluster(dataDir);
    // An empty folder an earlier, failed start left behind; anything else in it is not ours to delete.
    await rmdir(dataDir).catch(() => {
      throw unreachableCluster(dataDir);
    });
  }
  const cluster = path.join(sharedDir, 'postgres-clusters', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  // A new link means a new cluster: one found there belonged to a data folder deleted since.
  await rm(cluster, { recursive: true, force: true });
  await mkdirReadable(sharedDir);
  await mkdirReadable(path.dirname(cluster));
  await ownedBy(user, cluster);
  await symlink(cluster, dataDir);
  onProgress(`keeping the PostgreSQL cluster in ${cluster}, linked from ${dataDir}: the 'postgres' user it runs as cannot enter ${path.dirname(dataDir)}`);
  return cluster;
}

function unreachableCluster(dataDir: string): Error {
  return new Error(
    `embedded PostgreSQL runs as the 'postgres' user when started as root, and that user cannot reach ${dataDir}: ` +
      'set DATA_DIR to a folder it can enter, run as a regular user, or set DATABASE_URL.',
  );
}

/** PostgreSQL insists that its cluster folder is its own and closed to others. */
async function ownedBy(user: ServerUser, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await chown(dir, user.uid, user.gid);
  await chmod(dir, 0o700);
  return dir;
}

async function mkdirReadable(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
}

/** Whatever root's umask was: folders enterable and files readable by all, executables kept executable. */
async function makeReadable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await makeReadable(file);
    else if (entry.isFile()) await chmod(file, (await lstat(file)).mode & 0o111 ? 0o755 : 0o644);
  }
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
