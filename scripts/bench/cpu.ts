import { readFile } from 'node:fs/promises';
import { childPids, devServerPid, postmasterPid } from './procfs';

/** Clock ticks per second in /proc/<pid>/stat; 100 on every Linux the bench runs on. */
const TICKS_PER_S = 100;

/** User and system time of a process, in ms: its own threads, and with `reaped`, its children that exited. */
async function cpuMs(pid: number, reaped = false): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // Fields after the command name, which may itself hold spaces: state is [0], utime [11] .. cstime [14].
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  const ticks = fields[11]! + fields[12]! + (reaped ? fields[13]! + fields[14]! : 0);
  return (ticks * 1000) / TICKS_PER_S;
}

/** The postmaster with every backend, live or gone: PostgreSQL's whole CPU time. */
async function postgresMs(): Promise<number | null> {
  const postmaster = await postmasterPid();
  if (postmaster === null) return null;
  const live = await Promise.all((await childPids(postmaster)).map((pid) => cpuMs(pid)));
  return live.reduce<number>((sum, ms) => sum + (ms ?? 0), (await cpuMs(postmaster, true)) ?? 0);
}

/** The processes a figure's CPU time is split over. */
const PROCESSES = ['worker', 'benchProcess', 'temporalServer', 'postgres'] as const;

export interface StackCpu {
  /** The worker process; null when it runs inside the bench's own process. */
  worker: number | null;
  /** The bench's own process: API, simulator, the bare baseline's worker (and any load clients run in it). */
  benchProcess: number | null;
  /** null when Temporal or PostgreSQL is external (TEMPORAL_ADDRESS, DATABASE_URL): their CPU is not on this machine to read. */
  temporalServer: number | null;
  postgres: number | null;
}

/** CPU time used so far by each process of the stack, in ms. */
async function stackCpu(workerPid: number | null): Promise<StackCpu> {
  const server = await devServerPid();
  return {
    worker: workerPid === null ? null : await cpuMs(workerPid),
    benchProcess: await cpuMs(process.pid),
    temporalServer: server === null ? null : await cpuMs(server),
    postgres: await postgresMs(),
  };
}

/** CPU time summed over the measured stretches of a figure (its rounds of ours, not the baseline's). */
export class CpuTally {
  private readonly spent: StackCpu = { worker: 0, benchProcess: 0, temporalServer: 0, postgres: 0 };
  private units = 0;

  constructor(private readonly workerPid: () => number | null) {}

  async measure<T>(units: number, work: () => Promise<T>): Promise<T> {
    const before = await stackCpu(this.workerPid());
    const result = await work();
    const after = await stackCpu(this.workerPid());
    for (const key of PROCESSES) {
      const [a, b, spent] = [after[key], before[key], this.spent[key]];
      // A process that could not be read once is not read at all: a part of its time is no figure.
      this.spent[key] = a === null || b === null || spent === null ? null : spent + a - b;
    }
    this.units += units;
    return result;
  }

  /** ms per unit, by process, and their total. */
  perUnit(): StackCpu & { total: number } {
    const ms = (key: keyof StackCpu) => {
      const spent = this.spent[key];
      return spent === null ? null : Number((spent / this.units).toFixed(2));
    };
    const per: StackCpu = { worker: ms('worker'), benchProcess: ms('benchProcess'), temporalServer: ms('temporalServer'), postgres: ms('postgres') };
    const total = PROCESSES.reduce((sum, key) => sum + (per[key] ?? 0), 0);
    return { ...per, total: Number(total.toFixed(2)) };
  }
}
