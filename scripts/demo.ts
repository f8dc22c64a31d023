import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { installRuntimeLogger } from '../worker/runtimeLogger';
import { call, report, runScenarios } from './demo/runner';
import { demoCatalog, demoScenarios } from './demo/scenarios';
import { freePort } from './net';
import { progressPrinter } from './progress';
import { startStack } from './stack';

const DEMO_DEADLINE_MS = 4 * 60_000;

/**
 * `npm run demo`: a private stack (in-memory Temporal, a throwaway PostgreSQL, the simulator on
 * autopilot), a handful of cases from different channels, and their timelines as they move.
 */
async function main(): Promise<number> {
  const progress = progressPrinter('demo');
  // Under the project's data folder: as root, PostgreSQL runs as the postgres user, which cannot
  // enter a private (0700) temp directory.
  const dataDir = path.resolve('data', `demo-${process.pid}`);
  const config = loadConfig({
    ...process.env,
    POLICY_PROFILE: 'demo',
    API_PORT: '0',
    DATA_DIR: dataDir,
    TEMPORAL_DEV_PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: `demo-${Date.now()}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'demo' });
  installRuntimeLogger(logger, []);
  const stack = await startStack({
    config,
    logger,
    onProgress: progress,
    ephemeralTemporal: true,
    simulator: { autopilot: true, delays: { pickupMs: 1_500, deliveryMs: 1_500, inspectionMs: 1_500 } },
  });
  try {
    progress(`stack ready: API ${stack.apiUrl}, simulator ${stack.simulatorUrl}`);
    for (const entry of demoCatalog) await call('POST', `${stack.simulatorUrl}/sim/catalog`, entry);
    return report(await runScenarios(stack, demoScenarios(), progress, DEMO_DEADLINE_MS), progress);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
