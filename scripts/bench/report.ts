import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';

export type Figure = { figure: string } & Record<string, unknown>;

/** The machine as it was during the run: on a shared machine the load explains noisy absolutes. */
export function machine() {
  return {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  };
}

/** One JSON object per line on stdout (progress goes to stderr), and all of them in one file at the end. */
export class Report {
  private readonly figures: Figure[] = [];
  private readonly startedAt = new Date();
  private readonly machineAtStart = machine();

  constructor(private readonly flags: Record<string, unknown>) {}

  add(figure: Figure): void {
    this.figures.push(figure);
    process.stdout.write(`${JSON.stringify(figure)}\n`);
  }

  async write(file: string): Promise<void> {
    const result = {
      startedAt: this.startedAt.toISOString(),
      durationS: Math.round((Date.now() - this.startedAt.getTime()) / 1000),
      machine: { atStart: this.machineAtStart, atEnd: machine() },
      flags: this.flags,
      figures: this.figures,
    };
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  }
}
