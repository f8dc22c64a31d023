import { readFile } from 'node:fs/promises';
import { runMain } from '../load/runMain';
import { type CpuProfile, summarize } from './cpuProfile';

/**
 * `npm run profile:summary -- <file.cpuprofile>…`: where a CPU profile's time went, one table per
 * thread. For the profiles a bench run writes with
 * WORKER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=<dir>" (README, Performance and reliability):
 * the worker's main thread (activities, the SDK's core bridge, PostgreSQL and HTTP clients) and its
 * workflow thread (the sandbox) each get a file.
 */
async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('usage: npm run profile:summary -- <file.cpuprofile>…\n');
    return 2;
  }
  for (const file of files) {
    process.stdout.write(`${summarize(file, JSON.parse(await readFile(file, 'utf8')) as CpuProfile)}\n\n`);
  }
  return 0;
}

runMain(main);
