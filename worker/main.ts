import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../activities';
import { ConfigError, loadConfig, requireConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { AesGcmPayloadCodec } from '../config/payloadCodec';
import { createPool } from '../db/pool';
import { createCaseWorker } from './createWorker';
import { installRuntimeLogger } from './runtimeLogger';

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
    'ORDERS_URL',
    'CUSTOMERS_URL',
    'PAYLOAD_KEYS',
  );
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker' });
  installRuntimeLogger(logger);
  const pool = createPool(config.DATABASE_URL, config.DATABASE_POOL_MAX);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    const worker = await createCaseWorker({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      payloadCodec: new AesGcmPayloadCodec(config.PAYLOAD_KEYS),
      activities: createActivities({
        pool,
        timeoutMs: config.PARTNER_TIMEOUT_MS,
        partners: {
          inventory: config.INVENTORY_URL,
          logistics: config.LOGISTICS_URL,
          payments: config.PAYMENTS_URL,
          notification: config.NOTIFICATION_URL,
          supplier: config.SUPPLIER_URL,
          orders: config.ORDERS_URL,
          customers: config.CUSTOMERS_URL,
        },
      }),
    });
    logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker polling');
    // Resolves after SIGINT/SIGTERM once in-flight tasks drain (the SDK installs the handlers).
    await worker.run();
  } finally {
    await connection.close();
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
