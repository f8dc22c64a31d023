import path from 'node:path';
import type { Config } from '../../config/env';
import { formatPayloadKeys } from '../../config/payloadKeys';
import { tracingEnv } from '../../tracing/settings';
import { ServiceProcess } from '../load/serviceProcess';
import type { Stack } from '../stack';

/** What api/main.ts logs once it listens. */
const READY_MESSAGE = '"msg":"api listening"';

/**
 * A second API of the stack as a child process of its own (api/main.ts), on a port of its own that
 * it keeps across restarts, so a drill can kill it with SIGKILL mid-request and its clients find it
 * again where it was. It shares the stack's database, Temporal, keys and simulator, and its task
 * queue unless given one.
 */
export function apiProcessFor(
  config: Config,
  stack: Stack,
  opts: { port: number; dataDir: string; progress: (message: string) => void; taskQueue?: string },
): ServiceProcess {
  if (!stack.simulatorUrl) throw new Error('an API process joins a stack whose simulator plays the order and customer systems');
  return new ServiceProcess({
    name: 'the API',
    entry: 'api/main.ts',
    readyMessage: READY_MESSAGE,
    env: {
      API_HOST: '127.0.0.1',
      API_PORT: String(opts.port),
      DATABASE_URL: stack.databaseUrl,
      DATABASE_POOL_MAX: String(config.DATABASE_POOL_MAX),
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: opts.taskQueue ?? config.TEMPORAL_TASK_QUEUE,
      ORDERS_URL: stack.simulatorUrl,
      CUSTOMERS_URL: stack.simulatorUrl,
      AUTH_JWT_SECRET: stack.tokens.secret,
      AUTH_JWT_ISSUER: stack.tokens.issuer,
      AUTH_JWT_AUDIENCE: stack.tokens.audience,
      WEBHOOK_SECRET: stack.webhookSecret,
      // It must encrypt what the stack's worker decrypts.
      PAYLOAD_KEYS: formatPayloadKeys(stack.payloadKeys),
      POLICY_PROFILE: config.POLICY_PROFILE,
      RATE_LIMIT_INTAKE: String(config.RATE_LIMIT_INTAKE),
      RATE_LIMIT_WEBHOOKS: String(config.RATE_LIMIT_WEBHOOKS),
      INTAKE_MAX_IN_FLIGHT: String(config.INTAKE_MAX_IN_FLIGHT),
      ...tracingEnv(config),
    },
    logFile: path.join(opts.dataDir, opts.taskQueue ? `api-${opts.taskQueue}.log` : 'api.log'),
    onUnexpectedExit: (detail) => opts.progress(`UNEXPECTED: ${detail}`),
  });
}
