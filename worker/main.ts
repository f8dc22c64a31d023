import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../activities';
import { configuredTrackingLinks } from '../activities/trackingLinks';
import { ConfigError, loadConfig, requireConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { privacyPolicies } from '../config/policies/privacyPolicy';
import { temporalConnectionOptions } from '../config/temporalConnection';
import { customerPayloadCodec } from '../db/customerKeyRing';
import { createPool } from '../db/pool';
import { startMetricsServer } from '../metrics/metricsServer';
import { metricsHost, temporalMetricsAddress } from '../metrics/settings';
import { startTracing } from '../tracing/processTracing';
import { createCaseWorker } from './createWorker';
import { installRuntimeLogger } from './runtimeLogger';
import { ensureSchedules, serviceSchedules } from './schedules';
import { workerVersion } from './versioning';
import { workflowSourceFor } from './workflowSource';

/** Production entry point: one worker process; scale by running more of them. */
async function main(): Promise<void> {
  const config = requireConfig(
    loadConfig(),
    'TEMPORAL_ADDRESS',
    'DATABASE_URL',
    'INVENTORY_URL',
    'LOGISTICS_URL',
    'PAYMENTS_URL',
    'NOTIFICATION_URL',
    'SUPPLIER_URL',
    'INSTALLER_URL',
    'ORDERS_URL',
    'CUSTOMERS_URL',
    'PAYLOAD_KEYS',
  );
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker' });
  // Before the worker is made: its workflow span sink sends to this process's tracing.
  const tracing = startTracing(config, 'after-sales-worker');
  if (tracing) logger.info({ url: tracing.url }, 'traces exported over OTLP');
  installRuntimeLogger(logger, undefined, temporalMetricsAddress(config));
  // This process's own counters (cases closed, SLA events): the API's /metrics cannot see them.
  const metrics =
    config.WORKER_METRICS_PORT === undefined
      ? null
      : await startMetricsServer({ host: metricsHost(config), port: config.WORKER_METRICS_PORT, token: config.METRICS_TOKEN, logger });
  if (metrics) logger.info({ url: `${metrics.url}/metrics` }, 'metrics listening');
  const version = workerVersion(config);
  const pool = createPool(config.DATABASE_URL, config.DATABASE_POOL_MAX);
  const connection = await NativeConnection.connect(await temporalConnectionOptions(config));
  const { payloadCodec, keyRing } = customerPayloadCodec(pool, config.PAYLOAD_KEYS, privacyPolicies[config.POLICY_PROFILE].dataKeyCacheMs);
  // Messages link to the customer's tracking page when the worker can sign for the API and knows its address.
  const { AUTH_JWT_SECRET: secret, PUBLIC_BASE_URL: publicUrl } = config;
  const trackingLinks = secret && publicUrl ? configuredTrackingLinks(config, secret, () => publicUrl) : undefined;
  if (!trackingLinks) logger.warn('no AUTH_JWT_SECRET or PUBLIC_BASE_URL: messages to customers carry no tracking link');
  try {
    const worker = await createCaseWorker({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      payloadCodec,
      // New workflows run with the tracing interceptors only while spans are exported: they cost each workflow either way.
      workflowSource: workflowSourceFor(config),
      capacity: config,
      version,
      activities: createActivities({
        pool,
        customerKeys: keyRing,
        trackingLinks,
        buildId: version?.buildId,
        timeoutMs: config.PARTNER_TIMEOUT_MS,
        partners: {
          inventory: config.INVENTORY_URL,
          logistics: config.LOGISTICS_URL,
          payments: config.PAYMENTS_URL,
          notification: config.NOTIFICATION_URL,
          supplier: config.SUPPLIER_URL,
          installer: config.INSTALLER_URL,
          orders: config.ORDERS_URL,
          customers: config.CUSTOMERS_URL,
        },
      }),
    });
    // Every worker keeps the scheduled jobs' schedules; whichever starts first creates them.
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: { payloadCodecs: [payloadCodec] } });
    const schedules = await ensureSchedules(client, config.TEMPORAL_TASK_QUEUE, serviceSchedules(config.POLICY_PROFILE));
    logger.info({ schedules }, 'schedules in place');
    // A versioned worker gets tasks once its version is current or ramping (docs/versioning.md).
    const deploymentVersion = version ? `${version.deploymentName}:${version.buildId}` : 'unversioned';
    logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, deploymentVersion }, 'worker polling');
    // Resolves after SIGINT/SIGTERM once in-flight tasks drain (the SDK installs the handlers).
    await worker.run();
  } finally {
    await connection.close();
    await pool.end();
    await metrics?.close();
    await tracing?.shutdown();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
