import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Cross-process mutual exclusion through an exclusively created file holding the owner's pid. A lock
 * whose owner died (killed build, crashed test run) is taken over. Two waiters can in rare cases
 * both take over the same stale lock, so callers must stay correct without the lock (e.g. by
 * publishing results with an atomic rename); the lock only saves duplicate work.
 */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  opts: { onWait?: (ownerPid: number | null) => void; pollMs?: number } = {},
): Promise<T> {
  await acquire(lockPath, opts.onWait, opts.pollMs ?? 1_000);
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

/** A lock file too young to hold a pid yet may be one its creator is still writing. */
const UNWRITTEN_LOCK_GRACE_MS = 10_000;

async function acquire(lockPath: string, onWait: ((ownerPid: number | null) => void) | undefined, pollMs: number) {
  let waiting = false;
  for (;;) {
    if (await tryCreate(lockPath)) return;
    const owner = await readOwner(lockPath);
    if (owner === 'released') continue;
    if (owner.stale) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (!waiting) onWait?.(owner.pid);
    waiting = true;
    await sleep(pollMs);
  }
}

async function tryCreate(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(lockPath: string): Promise<{ pid: number | null; stale: boolean } | 'released'> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const pid = Number.parseInt(text, 10);
    if (Number.isNaN(pid)) return { pid: null, stale: Date.now() - info.mtimeMs > UNWRITTEN_LOCK_GRACE_MS };
    return { pid, stale: !isAlive(pid) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'released';
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
