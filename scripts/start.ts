import { ConfigError, loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { installRuntimeLogger } from '../worker/runtimeLogger';
import { progressPrinter } from './progress';
import { startStack } from './stack';

/** `npm start`: the whole service on this machine, from nothing configured to ready. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'stack' });
  installRuntimeLogger(logger, []);
  const progress = progressPrinter('start');
  progress('preparing the after-sales stack (the first start builds Temporal and PostgreSQL caches)');
  const stack = await startStack({ config, logger, onProgress: progress });

  const lines = [
    '',
    'After-Sales Orchestrator is ready',
    `  API            ${stack.apiUrl}   (try ${stack.apiUrl}/readyz, ${stack.apiUrl}/openapi.json)`,
    `  Temporal UI    ${stack.temporalUiUrl ?? '(external Temporal: see its own UI)'}`,
    `  Temporal       ${stack.temporalAddress}`,
    `  Partners       ${stack.simulatorUrl ? `simulator at ${stack.simulatorUrl}` : 'configured URLs'}`,
    '  Tokens         npm run token -- --role agent --sub agent-7   (every /v1 route needs one; see README, Security)',
    '  Ctrl-C stops everything.',
    '',
  ];
  process.stderr.write(lines.join('\n'));

  // One Ctrl-C reaches us twice (from the terminal and relayed by npm/tsx), so only a second
  // press a moment later means "stop waiting".
  let stoppingSince: number | null = null;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stoppingSince !== null) {
      if (Date.now() - stoppingSince < 1_000) return;
      progress(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    progress(`${signal}: stopping (open cases are kept and resume on the next start)`);
    stack.stop().then(
      () => {
        progress('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
