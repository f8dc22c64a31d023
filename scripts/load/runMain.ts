import { ConfigError } from '../../config/env';
import { FlagError } from './flags';

/**
 * Runs a command-line entry point and exits with its code. A bad flag or setting is reported by
 * its message alone; anything else with its stack, since it is a bug or a failed dependency.
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      const known = err instanceof ConfigError || err instanceof FlagError;
      process.stderr.write(`${known ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}

/** Ctrl-C (or SIGTERM) mid-run stops what the run started, servers and data folder, before exiting. */
export function stopOnSignals(stop: () => Promise<void>, progress: (message: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping`);
      void stop().finally(() => process.exit(130));
    });
  }
}
