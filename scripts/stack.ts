import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { createActivities, type PartnerUrls } from '../activities';
import { configuredTrackingLinks, type TrackingLinks } from '../activities/trackingLinks';
import { startApi } from '../api/app';
import { systemsOfRecord } from '../api/systemsOfRecord';
import { tokenSettings, type TokenSettings } from '../api/auth/tokens';
import type { Config } from '../config/env';
import type { PayloadKey } from '../config/payloadKeys';
import { privacyPolicies } from '../config/policies/privacyPolicy';
import { type CasePolicies, casePolicies } from '../config/policies/profiles';
import { WebhookSecrets } from '../config/webhookSecrets';
import { type CustomerKeyRing, customerPayloadCodec } from '../db/customerKeyRing';
import { startEmbeddedPostgres } from '../db/embeddedPostgres';
import { migrateDatabase } from '../db/migrate';
import { createPool } from '../db/pool';
import { seedDefaultAgents } from '../db/seedAgents';
import { seedKnowledgeBase } from '../db/seedKnowledge';
import { createSimulator, type Simulator, type SimulatorOptions } from '../sim/createSimulator';
import { tracingClientInterceptors } from '../tracing/temporal';
import { createCaseWorker } from '../worker/createWorker';
import { ensureSchedules, serviceSchedules } from '../worker/schedules';
import { cachedWorkflowBundle } from '../worker/workflowBundleCache';
import { workflowSourceFor } from '../worker/workflowSource';
import { localSecrets, usesLocalTokenSecret } from './localSecrets';
import { startTemporalDevServer } from './temporal/devServer';
import { resolveTemporalCli } from './temporal/resolveCli';
import { userCacheDir } from './userCache';

export interface StackOptions {
  config: Config;
  logger: Logger;
  onProgress: (message: string) => void;
  /** Overrides the profile's policies, by process name (and `sla`), e.g. the short clocks tests use. */
  policies?: Partial<CasePolicies>;
  simulator?: Partial<Pick<SimulatorOptions, 'autopilot' | 'delays'>>;
  /** Tests keep Temporal's history in memory and skip the UI. */
  ephemeralTemporal?: boolean;
  workflowBundlePath?: string;
  /** false: no worker in this process; the fault drills run worker/main.ts as a child they can kill. */
  inProcessWorker?: boolean;
}

export interface Stack {
  apiUrl: string;
  /** Where GET /metrics answers (the API's and the in-process worker's counters), or null when not configured. */
  metricsUrl: string | null;
  temporalAddress: string;
  temporalUiUrl: string | null;
  databaseUrl: string;
  simulatorUrl: string | null;
  /** What the simulator signs with, and every partner without a secret of its own. */
  webhookSecret: string;
  /** For minting tokens the API accepts (api/auth/tokens.ts mintToken). */
  tokens: TokenSettings;
  /** The payload keys every Temporal client and worker of this stack must use. */
  payloadKeys: PayloadKey[];
  /** A Temporal client with the stack's payload codec. */
  client: Client;
  stop(): Promise<void>;
}

type Stopper = { name: string; stop: () => Promise<unknown> };

/**
 * Everything the service needs, in one process: what is configured is used, what is not is
 * started locally (Temporal dev server, embedded PostgreSQL, partner simulator). The order is the
 * dependency order; stop() undoes it in reverse, so the API stops taking requests before the
 * worker drains and the databases go last.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const { config, onProgress } = opts;
  const stoppers: Stopper[] = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) {
      await s.stop().catch((err: unknown) => opts.logger.warn({ err }, `stopping ${s.name} failed`));
    }
    stoppers.length = 0;
  };
  try {
    const dataDir = path.resolve(config.DATA_DIR);
    await mkdir(dataDir, { recursive: true });
    const temporal = await provideTemporal(opts, dataDir, stoppers);
    const temporalAddress = temporal.address;

    const databaseUrl = await provideDatabase(opts, dataDir, stoppers);
    onProgress('applying database migrations');
    await migrateDatabase(databaseUrl);
    const pool = createPool(databaseUrl, config.DATABASE_POOL_MAX);
    stoppers.push({ name: 'database pool', stop: () => pool.end() });

    const webhookSecret = config.WEBHOOK_SECRET ?? randomBytes(24).toString('hex');
    const { partners, simulator } = await providePartners(opts, webhookSecret, stoppers);
    // A stack that plays the partners itself is a sandbox: give it agents to route complaints to,
    // and a knowledge base to answer questions from.
    if (simulator) {
      await seedDefaultAgents(pool);
      await seedKnowledgeBase(pool);
    }
    const secrets = await localSecrets(config);
    const { payloadCodec, keyRing } = customerPayloadCodec(pool, secrets.payloadKeys, privacyPolicies[config.POLICY_PROFILE].dataKeyCacheMs);

    onProgress('starting the worker');
    const connection = await Connection.connect({ address: temporalAddress });
    stoppers.push({ name: 'temporal client', stop: () => connection.close() });
    const client = new Client({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter: { payloadCodecs: [payloadCodec] },
      interceptors: tracingClientInterceptors(),
    });
    // Messages link to the customer's tracking page on this stack's API, known once it listens.
    let apiUrl: string | undefined = config.PUBLIC_BASE_URL;
    const trackingLinks = configuredTrackingLinks(config, secrets.authJwtSecret, () => apiUrl);
    if (opts.inProcessWorker !== false) {
      await startWorker(opts, temporalAddress, { partners, trackingLinks }, databaseUrl, { payloadCodec, keyRing }, stoppers);
      // As every worker process does (worker/main.ts): the scheduled jobs' schedules, created or brought up to date.
      await ensureSchedules(client, config.TEMPORAL_TASK_QUEUE, serviceSchedules(config.POLICY_PROFILE));
    }

    const policies: CasePolicies = { ...casePolicies(config.POLICY_PROFILE), ...opts.policies };
    const api = await startApi({
      config: { ...config, TEMPORAL_UI_URL: config.TEMPORAL_UI_URL ?? temporal.uiUrl ?? undefined },
      pool,
      temporal: client,
      logger: opts.logger,
      systems: systemsOfRecord(partners, config.PARTNER_TIMEOUT_MS),
      policies,
      auth: tokenSettings(config, secrets.authJwtSecret),
      webhookSecrets: new WebhookSecrets(config.WEBHOOK_SECRETS, webhookSecret),
      payloadCodec,
      customerKeys: keyRing,
      localSignIn: usesLocalTokenSecret(config),
      host: config.API_HOST,
      port: config.API_PORT,
    });
    stoppers.push({ name: 'api', stop: () => api.close() });
    apiUrl ??= api.url;
    simulator?.setWebhookTarget(config.PUBLIC_BASE_URL ?? api.url);

    return {
      apiUrl: api.url,
      metricsUrl: api.metricsUrl,
      temporalAddress,
      temporalUiUrl: temporal.uiUrl,
      databaseUrl,
      simulatorUrl: simulator?.url ?? null,
      webhookSecret,
      tokens: tokenSettings(config, secrets.authJwtSecret),
      payloadKeys: secrets.payloadKeys,
      client,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function provideTemporal(
  opts: StackOptions,
  dataDir: string,
  stoppers: Stopper[],
): Promise<{ address: string; uiUrl: string | null }> {
  const { config, onProgress } = opts;
  if (config.TEMPORAL_ADDRESS) {
    onProgress(`using Temporal at ${config.TEMPORAL_ADDRESS}`);
    return { address: config.TEMPORAL_ADDRESS, uiUrl: null };
  }
  const cli = await resolveTemporalCli({ explicitPath: config.TEMPORAL_CLI_PATH, onProgress });
  onProgress('starting the Temporal dev server');
  const server = await startTemporalDevServer({
    cli,
    port: config.TEMPORAL_DEV_PORT,
    uiPort: opts.ephemeralTemporal ? null : config.TEMPORAL_DEV_UI_PORT,
    dbFile: opts.ephemeralTemporal ? undefined : path.join(dataDir, 'temporal.db'),
    namespace: config.TEMPORAL_NAMESPACE,
    logFile: path.join(dataDir, 'temporal.log'),
    onProgress,
  });
  stoppers.push({ name: 'temporal dev server', stop: () => server.stop() });
  return server;
}

async function provideDatabase(opts: StackOptions, dataDir: string, stoppers: Stopper[]): Promise<string> {
  const { config, onProgress } = opts;
  if (config.DATABASE_URL) return config.DATABASE_URL;
  onProgress('starting embedded PostgreSQL');
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'postgres'),
    port: config.EMBEDDED_POSTGRES_PORT,
    onProgress,
  });
  stoppers.push({ name: 'embedded postgres', stop: () => pg.stop() });
  return pg.databaseUrl;
}

async function providePartners(
  opts: StackOptions,
  webhookSecret: string,
  stoppers: Stopper[],
): Promise<{ partners: PartnerUrls; simulator: Simulator | null }> {
  const { config } = opts;
  const configured = {
    inventory: config.INVENTORY_URL,
    logistics: config.LOGISTICS_URL,
    payments: config.PAYMENTS_URL,
    notification: config.NOTIFICATION_URL,
    supplier: config.SUPPLIER_URL,
    installer: config.INSTALLER_URL,
    orders: config.ORDERS_URL,
    customers: config.CUSTOMERS_URL,
  };
  if (Object.values(configured).every(Boolean)) return { partners: configured as PartnerUrls, simulator: null };
  opts.onProgress('starting the partner simulator for unconfigured partners');
  const simulator = createSimulator({
    webhookSecret,
    autopilot: opts.simulator?.autopilot ?? config.SIM_AUTOPILOT,
    delays: opts.simulator?.delays,
    logger: opts.logger.child({ component: 'simulator' }),
  });
  const url = await simulator.start(config.SIM_PORT, '127.0.0.1');
  stoppers.push({ name: 'partner simulator', stop: () => simulator.stop() });
  return {
    simulator,
    partners: {
      inventory: configured.inventory ?? url,
      logistics: configured.logistics ?? url,
      payments: configured.payments ?? url,
      notification: configured.notification ?? url,
      supplier: configured.supplier ?? url,
      installer: configured.installer ?? url,
      orders: configured.orders ?? url,
      customers: configured.customers ?? url,
    },
  };
}

async function startWorker(
  opts: StackOptions,
  address: string,
  { partners, trackingLinks }: { partners: PartnerUrls; trackingLinks: TrackingLinks },
  databaseUrl: string,
  { payloadCodec, keyRing }: { payloadCodec: PayloadCodec; keyRing: CustomerKeyRing },
  stoppers: Stopper[],
): Promise<void> {
  // A pool of its own, as a separately run worker has: a workflow task waiting on a projection
  // write (a local activity) must not queue behind API requests for a connection.
  const pool = createPool(databaseUrl, opts.config.DATABASE_POOL_MAX);
  stoppers.push({ name: 'worker database pool', stop: () => pool.end() });
  const connection = await NativeConnection.connect({ address });
  stoppers.push({ name: 'worker connection', stop: () => connection.close() });
  const worker: Worker = await createCaseWorker({
    connection,
    namespace: opts.config.TEMPORAL_NAMESPACE,
    taskQueue: opts.config.TEMPORAL_TASK_QUEUE,
    workflowBundlePath:
      opts.workflowBundlePath ??
      (await cachedWorkflowBundle({ dir: userCacheDir('workflow-bundles'), onProgress: opts.onProgress, source: workflowSourceFor(opts.config) })),
    payloadCodec,
    capacity: opts.config,
    activities: createActivities({ pool, partners, trackingLinks, customerKeys: keyRing, timeoutMs: opts.config.PARTNER_TIMEOUT_MS }),
  });
  const running = worker.run();
  stoppers.push({
    name: 'worker',
    stop: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  });
}
