import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { CasePolicies } from '../../config/policies/profiles';
import type { DestinationStream } from 'pino';
import { type Config, loadConfig } from '../../config/env';
import { createLogger } from '../../config/logger';
import { installRuntimeLogger } from '../../worker/runtimeLogger';
import { freePort } from '../net';
import { startStack, type Stack, type StackOptions } from '../stack';

export interface DemoStackOptions {
  /** Settings over the environment's, as loadConfig reads them. */
  env?: Record<string, string | undefined>;
  policies?: Partial<CasePolicies>;
  delays: NonNullable<StackOptions['simulator']>['delays'];
}

/**
 * The stack in this process with in-memory Temporal and the simulator driving every partner step
 * itself, `delays` apart, as the demo, the history recorder and `npm run trace:refund` run it;
 * the Temporal SDK's own log lines go to the same logger.
 */
export async function startAutopilotStack(
  config: Config,
  name: string,
  progress: (message: string) => void,
  options: Pick<DemoStackOptions, 'delays' | 'policies'> & { logDestination?: DestinationStream },
): Promise<Stack> {
  const logger = createLogger({ level: config.LOG_LEVEL, name, destination: options.logDestination });
  installRuntimeLogger(logger, []);
  return startStack({
    config,
    logger,
    onProgress: progress,
    ephemeralTemporal: true,
    policies: options.policies,
    simulator: { autopilot: true, delays: options.delays },
  });
}

/**
 * A private stack for the demo and the history recorder: in-memory Temporal, a throwaway
 * PostgreSQL, the simulator on autopilot with the demo's catalogue, the demo policy profile.
 * Runs `work` on it, then stops everything and removes its data. The data folder is under the
 * project's data/: as root, PostgreSQL runs as the postgres user, which cannot enter a private
 * (0700) temp directory.
 */
export async function withDemoStack(
  name: string,
  options: DemoStackOptions,
  progress: (message: string) => void,
  work: (stack: Stack) => Promise<number>,
): Promise<number> {
  const dataDir = path.resolve('data', `${name}-${process.pid}`);
  const config = loadConfig({
    ...process.env,
    POLICY_PROFILE: 'demo',
    API_PORT: '0',
    DATA_DIR: dataDir,
    TEMPORAL_DEV_PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: `${name}-${Date.now()}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...options.env,
  });
  const stack = await startAutopilotStack(config, name, progress, options);
  try {
    progress(`stack ready: API ${stack.apiUrl}, simulator ${stack.simulatorUrl}`);
    return await work(stack);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
