import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { temporalMetricsAddress } from '../metrics/settings';
import { startTracing } from '../tracing/processTracing';
import { installRuntimeLogger } from '../worker/runtimeLogger';
import { formatElapsed } from './elapsed';
import { usesLocalTokenSecret } from './localSecrets';
import { progressPrinter } from './progress';
import { type Stack, startStack } from './stack';
import { ensureWebBuild } from './web/build';

/** PostgreSQL and Temporal are up by then; a /readyz that still fails is a fault, not a slow start. */
const READY_TIMEOUT_MS = 15_000;

/** `npm start`: the whole service on this machine, from nothing configured to ready. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'stack' });
  installRuntimeLogger(logger, [], temporalMetricsAddress(config));
  // Before the stack: its worker's workflow span sink sends to this process's tracing.
  const tracing = startTracing(config, 'after-sales-orchestrator');
  // Counted from the process's start, not from here: loading the code is part of what a user waits for.
  const progress = progressPrinter('start', performance.timeOrigin);
  progress('preparing the after-sales stack (the first start builds Temporal and PostgreSQL caches)');
  await ensureWebBuild(progress);
  const stack = await startStack({ config, logger, onProgress: progress });
  // startStack returns with the worker running; ready is when the API says so, as a probe would see it.
  await untilReady(stack).catch(async (err: unknown) => {
    await stack.stop();
    throw err;
  });

  const lines = [
    '',
    `After-Sales Orchestrator is ready, ${formatElapsed(performance.now())} after the process started`,
    `  Console        ${stack.apiUrl}/console   (${usesLocalTokenSecret(config) ? 'sign in as a seeded agent, supervisor or customer' : 'sign in with a bearer token'}; see docs/web.md)`,
    `  API            ${stack.apiUrl}   (try ${stack.apiUrl}/readyz, ${stack.apiUrl}/openapi.json)`,
    `  Metrics        ${stack.metricsUrl ?? 'off (METRICS_TOKEN or METRICS_PORT turns them on; see README, Metrics)'}`,
    `  Traces         ${tracing ? `to ${tracing.url}` : 'off (OTEL_EXPORTER_OTLP_ENDPOINT turns them on; see docs/observability.md)'}`,
    `  Temporal UI    ${stack.temporalUiUrl ?? '(external Temporal: see its own UI)'}`,
    `  Temporal       ${stack.temporalAddress}`,
    `  Partners       ${stack.simulatorUrl ? `simulator at ${stack.simulatorUrl}` : 'configured URLs'}`,
    '  Tokens         npm run token -- --role agent --sub agent-7   (every /v1 route needs one; see docs/security.md)',
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
      async () => {
        await tracing?.shutdown();
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

async function untilReady(stack: Stack): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastAnswer = 'none';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${stack.apiUrl}/readyz`, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
      if (res.ok) return;
      lastAnswer = `${res.status} ${await res.text()}`;
    } catch (err) {
      lastAnswer = err instanceof Error ? err.message : String(err);
    }
    await sleep(100);
  }
  throw new Error(`${stack.apiUrl}/readyz did not answer 200 within ${READY_TIMEOUT_MS / 1000}s; last answer: ${lastAnswer}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
