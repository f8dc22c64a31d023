import { z } from 'zod';
import { ConfigError, loadConfig, requireConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { createSimulator } from './createSimulator';

/**
 * `npm run start:sim`: the partner simulator on its own, for pointing a separately started API and
 * worker at it (INVENTORY_URL=... etc.). Webhooks go to SIM_TARGET_URL, else to our API's public URL.
 */

/** Only the standalone simulator reads these, so they stay out of the service's EnvSchema. */
const SimEnv = z.object({
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_TARGET_URL: z.url({ protocol: /^https?$/ }).optional(),
});

async function main(): Promise<void> {
  const config = requireConfig(loadConfig(), 'WEBHOOK_SECRET');
  const simEnv = SimEnv.safeParse(process.env);
  if (!simEnv.success) throw new ConfigError(simEnv.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'partner-sim' });

  const webhookTarget =
    simEnv.data.SIM_TARGET_URL ?? config.PUBLIC_BASE_URL ?? `http://${config.API_HOST}:${config.API_PORT}`;
  const autopilot = config.SIM_AUTOPILOT;
  const sim = createSimulator({ webhookSecret: config.WEBHOOK_SECRET, webhookTarget, autopilot, logger });
  const url = await sim.start(config.SIM_PORT, simEnv.data.SIM_HOST);
  logger.info({ url, webhookTarget, autopilot }, 'partner simulator ready');

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping partner simulator');
    sim.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  const report = err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : String(err);
  process.stderr.write(`${report}\n`);
  process.exit(1);
});
