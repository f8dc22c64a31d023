import { constants } from 'node:fs';
import { access, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { canWriteTo, type ServerPlacement } from './embeddedPostgresAccess';

/**
 * Whether the cluster's folder is one PostgreSQL can use, checked before initdb or postgres runs:
 * theirs are errors about a file and a system call ("could not open file … Permission denied"),
 * ours say which folder, what is wrong with it and what to change.
 */

const WHAT_TO_CHANGE = 'Set DATA_DIR to another folder (the cluster is kept in DATA_DIR/postgres), or DATABASE_URL to use a PostgreSQL server of your own.';

/** `said`: what PostgreSQL's own tools printed, after the explanation, for whoever wants the detail. */
export function unusableDataFolder(dataDir: string, why: string, said?: string): Error {
  return new Error(`embedded PostgreSQL cannot use ${dataDir}: ${why}. ${WHAT_TO_CHANGE}${said ? `\n${said}` : ''}`);
}

/** What a file-system error met while preparing the folder means, for someone choosing another one. */
const meaning: Record<string, (at: string) => string> = {
  EACCES: (at) => `permission to write ${at} is denied`,
  EPERM: (at) => `the file system does not allow ${at} to be changed (its owner or mode)`,
  EROFS: (at) => `${at} is on a read-only file system`,
  ENOTDIR: (at) => `a file stands where a folder belongs on the way to ${at}`,
  ENOSPC: (at) => `no space is left on the device of ${at}`,
  EEXIST: (at) => `${at} exists and is not a folder`,
};

/** A file-system error of preparing the folder as an unusable folder; any other error as it is (it explains itself). */
export function preparationFailure(dataDir: string, error: unknown): unknown {
  const { code, path: at } = error as NodeJS.ErrnoException;
  const explain = code === undefined ? undefined : meaning[code];
  return explain ? unusableDataFolder(dataDir, explain(at ?? dataDir)) : error;
}

async function writableByUs(dir: string): Promise<boolean> {
  return access(dir, constants.W_OK | constants.X_OK).then(
    () => true,
    () => false,
  );
}

function listed(entries: string[]): string {
  return entries.length > 3 ? `${entries.slice(0, 3).join(', ')}, …` : entries.join(', ');
}

export async function checkClusterFolder(placement: ServerPlacement, dataDir: string): Promise<void> {
  const dir = placement.clusterDir;
  // As root, a data folder the server's user cannot enter is a link to a cluster kept elsewhere (embeddedPostgresAccess.ts).
  const where = dir === dataDir ? dir : `${dir}, where its cluster is kept because that user cannot enter ${path.dirname(dataDir)}`;
  const runner = placement.runAs
    ? { name: "the 'postgres' user it runs as when started as root", uid: placement.runAs.uid }
    : { name: 'the user it runs as', uid: process.getuid?.() };
  // As root the placement made it already, owned by the server's user.
  if (!placement.runAs) await mkdir(dir, { recursive: true, mode: 0o700 }).catch((error: unknown) => Promise.reject(preparationFailure(dataDir, error)));

  const found = await stat(dir);
  if (!found.isDirectory()) throw unusableDataFolder(dataDir, `${dir} is a file, not a folder`);
  const writable = placement.runAs ? canWriteTo(placement.runAs, dir) : await writableByUs(dir);
  if (!writable) {
    const choose = placement.runAs ? ": choose one that user can enter, outside any folder only its owner may enter (such as /root or a mktemp -d folder)" : '';
    throw unusableDataFolder(dataDir, `${runner.name} cannot enter and write to ${where}${choose}`);
  }

  const entries = await readdir(dir);
  if (!entries.includes('PG_VERSION')) {
    // initdb makes a cluster only in an empty folder; what is there is not ours to remove.
    if (entries.length > 0) throw unusableDataFolder(dataDir, `${where} holds files but no PostgreSQL cluster (${listed(entries)}): empty it or choose another folder`);
    return;
  }
  const owner = (await stat(path.join(dir, 'PG_VERSION'))).uid;
  if (runner.uid !== undefined && owner !== runner.uid) {
    throw unusableDataFolder(
      dataDir,
      `the cluster in ${where} belongs to uid ${owner}, and PostgreSQL runs only as the owner of its files, here ${runner.name} (uid ${runner.uid}): ` +
        `run as uid ${owner}, or give the folder to uid ${runner.uid} (chown -R)`,
    );
  }
}
