import { runMain, stopOnSignals } from '../load/runMain';
import { progressPrinter } from '../progress';
import { startDrill } from './drillStack';
import { runDrill } from './drills';
import { parseDrillFlags } from './flags';

/**
 * `npm run drill`: faults staged while cases are in flight, and a count of what became of them.
 * One JSON object per drill on stdout; exits 1 when any case was lost or refunded twice.
 */
async function main(): Promise<number> {
  const flags = parseDrillFlags(process.argv.slice(2));
  const progress = progressPrinter('drill');
  const drill = await startDrill(progress);
  stopOnSignals(() => drill.stop(), progress);
  let failed = 0;
  try {
    for (const name of flags.drills) {
      const result = await runDrill(drill, flags, name);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      if (!result.ok) failed += 1;
    }
  } finally {
    progress('stopping the stack');
    await drill.stop();
  }
  progress(failed === 0 ? `all ${flags.drills.length} drills passed` : `${failed} drill(s) failed`);
  return failed === 0 ? 0 : 1;
}

runMain(main);
