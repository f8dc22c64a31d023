import { readFile } from 'node:fs/promises';
import type { Pool } from 'pg';
import { devServerPid } from './procfs';

/** Resident memory from /proc (Linux), in MiB; null where /proc cannot tell (another OS, a gone process). */
async function rssMiB(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kib = status && /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kib ? Math.round(Number(kib) / 1024) : null;
}

export interface StackMemory {
  /** The worker process, which holds the cached workflows; null when it runs inside the bench's own process. */
  workerMiB: number | null;
  /** The bench's own process: API, simulator, the baseline and the load clients (and the worker, run in-process). */
  benchProcessMiB: number | null;
  /** The in-memory dev server holds every history; null for an external Temporal. */
  temporalServerMiB: number | null;
  /** The service's database on disk (tables, indexes, TOAST), wherever it runs. */
  databaseMiB: number;
}

/** Resident memory of the stack's processes, and the database's size, in MiB. */
export async function stackMemory(workerPid: number | null, pool: Pool): Promise<StackMemory> {
  const server = await devServerPid();
  const { rows } = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  return {
    workerMiB: workerPid === null ? null : await rssMiB(workerPid),
    benchProcessMiB: await rssMiB(process.pid),
    temporalServerMiB: server === null ? null : await rssMiB(server),
    databaseMiB: Math.round(Number(rows[0]!.bytes) / 2 ** 20),
  };
}
