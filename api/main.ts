import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadConfig, requireConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { privacyPolicies } from '../config/policies/privacyPolicy';
import { casePolicies } from '../config/policies/profiles';
import { temporalConnectionOptions } from '../config/temporalConnection';
import { WebhookSecrets } from '../config/webhookSecrets';
import { startTracing } from '../tracing/processTracing';
import { tracingClientInterceptors } from '../tracing/temporal';
import { customerPayloadCodec } from '../db/customerKeyRing';
import { createPool } from '../db/pool';
import { startApi } from './app';
import { tokenSettings } from './auth/tokens';
import { systemsOfRecord } from './systemsOfRecord';

export { startApi, type RunningApi } from './app';

/** The API on its own, against an existing PostgreSQL and Temporal (the local stack starts those for you). */
async function main(): Promise<void> {
  const config = requireConfig(
    loadConfig(),
    'DATABASE_URL',
    'TEMPORAL_ADDRESS',
    'AUTH_JWT_SECRET',
    'PAYLOAD_KEYS',
    'ORDERS_URL',
    'CUSTOMERS_URL',
  );
  if (!config.WEBHOOK_SECRET && !config.WEBHOOK_SECRETS) throw new ConfigError(['WEBHOOK_SECRET or WEBHOOK_SECRETS: required']);
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'api' });
  const tracing = startTracing(config, 'after-sales-api');
  if (tracing) logger.info({ url: tracing.url }, 'traces exported over OTLP');
  const pool = createPool(config.DATABASE_URL, config.DATABASE_POOL_MAX);
  const connection = await Connection.connect(await temporalConnectionOptions(config));
  const { payloadCodec, keyRing } = customerPayloadCodec(pool, config.PAYLOAD_KEYS, privacyPolicies[config.POLICY_PROFILE].dataKeyCacheMs);
  const temporal = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: { payloadCodecs: [payloadCodec] },
    interceptors: tracingClientInterceptors(),
  });
  const api = await startApi({
    config,
    pool,
    temporal,
    logger,
    systems: systemsOfRecord({ orders: config.ORDERS_URL, customers: config.CUSTOMERS_URL }, config.PARTNER_TIMEOUT_MS),
    policies: casePolicies(config.POLICY_PROFILE),
    auth: tokenSettings(config, config.AUTH_JWT_SECRET),
    webhookSecrets: new WebhookSecrets(config.WEBHOOK_SECRETS, config.WEBHOOK_SECRET),
    payloadCodec,
    customerKeys: keyRing,
    host: config.API_HOST,
    port: config.API_PORT,
  });
  logger.info({ url: api.url }, 'api listening');

  const shutdown = async (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    await api.close();
    await Promise.all([pool.end(), connection.close()]);
    await tracing?.shutdown();
    logger.info('stopped');
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      shutdown(signal).catch((err: unknown) => {
        logger.error({ err }, 'unclean shutdown');
        process.exitCode = 1;
      });
    });
  }
}

// Importing this module (for startApi) must not start a server.
if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
}
