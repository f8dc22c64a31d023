import { readdir, readFile } from 'node:fs/promises';

/** Resident memory from /proc (Linux), in MiB; null where /proc cannot tell (another OS, a gone process). */
async function rssMiB(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kib = status && /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kib ? Math.round(Number(kib) / 1024) : null;
}

/** Direct children of `pid`, gathered over all its threads (each thread lists the children it forked). */
async function childPids(pid: number): Promise<number[]> {
  const threads = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(
    threads.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '')),
  );
  return lists.flatMap((list) => list.split(' ').filter(Boolean).map(Number));
}

/** The Temporal dev server this process started (found by its command line), or null. */
async function devServerPid(): Promise<number | null> {
  for (const pid of await childPids(process.pid)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').includes('start-dev')) return pid;
  }
  return null;
}

export interface StackMemory {
  /** The worker process, which holds the cached workflows; null when it runs inside the bench's own process. */
  workerMiB: number | null;
  /** The bench's own process: API, simulator, the baseline and the load clients (and the worker, run in-process). */
  benchProcessMiB: number | null;
  temporalServerMiB: number | null;
}

/** Resident memory of the stack's processes, in MiB. */
export async function stackMemory(workerPid: number | null): Promise<StackMemory> {
  const server = await devServerPid();
  return {
    workerMiB: workerPid === null ? null : await rssMiB(workerPid),
    benchProcessMiB: await rssMiB(process.pid),
    temporalServerMiB: server === null ? null : await rssMiB(server),
  };
}
