import { readdir, readFile } from 'node:fs/promises';

/** Linux /proc readings of the bench's own process tree; every reader answers null or empty elsewhere. */

/** Direct children of `pid`, gathered over all its threads (each thread lists the children it forked). */
export async function childPids(pid: number): Promise<number[]> {
  const threads = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(threads.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '')));
  return lists.flatMap((list) => list.split(' ').filter(Boolean).map(Number));
}

/** The arguments a process was started with. */
export async function commandLine(pid: number): Promise<string[]> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.split('\0').filter(Boolean);
}

/** The first descendant of this process (depth first) whose command line satisfies `test`. */
export async function findDescendant(test: (args: string[]) => boolean, from = process.pid): Promise<number | null> {
  for (const pid of await childPids(from)) {
    if (test(await commandLine(pid))) return pid;
    const deeper = await findDescendant(test, pid);
    if (deeper !== null) return deeper;
  }
  return null;
}

/** The Temporal dev server this process started, or null (an external Temporal). */
export function devServerPid(): Promise<number | null> {
  return findDescendant((args) => args.includes('start-dev'));
}

/** The embedded PostgreSQL's postmaster this process started, or null (DATABASE_URL). */
export function postmasterPid(): Promise<number | null> {
  return findDescendant((args) => (args[0] ?? '').endsWith('/postgres') && args.includes('-D'));
}
