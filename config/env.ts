import { z } from 'zod';
import { PayloadKeysSetting } from './payloadKeys';
import { WebhookSecretsSetting } from './webhookSecrets';

/**
 * The whole process environment, validated once at start-up. Every entry point calls loadConfig();
 * nothing else reads process.env, so a missing or malformed variable is reported by name before
 * anything connects anywhere.
 */

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
const origins = z
  .string()
  .transform((text) => text.split(',').map((o) => o.trim()).filter(Boolean))
  // Browsers send an origin bare (no path, no trailing slash): compare like with like.
  .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin)));
const perWindow = z.coerce.number().int().min(1).max(1_000_000);
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  /** Public base URL partners call back; defaults to http://API_HOST:API_PORT. */
  PUBLIC_BASE_URL: optionalUrl,

  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'host:port').optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('after-sales'),
  /**
   * Worker Versioning (docs/versioning.md): a worker with both joins the Temporal worker deployment
   * of that name as the version of that build; without them it is unversioned (the local stack, the
   * tests). Production sets both: one build id per release of the worker image.
   */
  WORKER_DEPLOYMENT_NAME: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'letters, digits, _ and -, up to 100').optional(),
  WORKER_BUILD_ID: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'letters, digits, ., _ and -, up to 100').optional(),
  /**
   * How to reach a Temporal server that wants TLS (config/temporalConnection.ts): an API key (Temporal
   * Cloud), or a client certificate and key for mTLS, files mounted from a Kubernetes Secret; the CA
   * of a self-hosted server with a private one. Any of them turns TLS on; TEMPORAL_TLS alone turns it
   * on against a publicly trusted certificate.
   */
  TEMPORAL_TLS: flag.default(false),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_DEV_UI_PORT: port.default(8233),
  /** The Temporal UI the console links each case's workflow to; a stack's own dev server's when unset. */
  TEMPORAL_UI_URL: optionalUrl,

  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_POSTGRES_PORT: port.default(5433),

  INVENTORY_URL: optionalUrl,
  LOGISTICS_URL: optionalUrl,
  PAYMENTS_URL: optionalUrl,
  NOTIFICATION_URL: optionalUrl,
  SUPPLIER_URL: optionalUrl,
  INSTALLER_URL: optionalUrl,
  ORDERS_URL: optionalUrl,
  CUSTOMERS_URL: optionalUrl,
  PARTNER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),

  /** Shared secret partners sign webhooks with (HMAC-SHA256 over timestamp and raw body). */
  WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** Per-partner secrets (config/webhookSecrets.ts); a partner listed here no longer accepts WEBHOOK_SECRET. */
  WEBHOOK_SECRETS: WebhookSecretsSetting.optional(),
  WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),

  /** HS256 secret bearer tokens are signed with; 32 characters or more (256 bits for HS256). */
  AUTH_JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  AUTH_JWT_ISSUER: z.string().min(1).default('after-sales-orchestrator'),
  AUTH_JWT_AUDIENCE: z.string().min(1).default('after-sales-api'),
  /** How long the tracking link in a message to a customer opens their case (activities/trackingLinks.ts). */
  TRACKING_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Temporal payload encryption keys, the active one first (config/payloadKeys.ts). */
  PAYLOAD_KEYS: PayloadKeysSetting.optional(),

  /** Browser origins allowed to call the API, and (separately) to call the codec endpoint: the Temporal UI. */
  CORS_ORIGINS: origins.default([]),
  CODEC_CORS_ORIGINS: origins.default([]),
  /** Requests per client per window: intake per caller, webhooks per partner and address. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  RATE_LIMIT_INTAKE: perWindow.default(60),
  RATE_LIMIT_WEBHOOKS: perWindow.default(600),
  /**
   * Intake requests this API instance works on at once; more are shed at once with 429 and
   * Retry-After (api/middleware/admission.ts) rather than queued until they time out.
   */
  INTAKE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(64),

  /**
   * Prometheus metrics (metrics/): off unless configured. With a token, GET /metrics wants
   * `Authorization: Bearer <token>` wherever it is served; with METRICS_PORT it is served there
   * and not on the API port. The worker serves its own on WORKER_METRICS_PORT; the Temporal SDK's
   * exporter (no token possible) listens on TEMPORAL_METRICS_PORT. All bind METRICS_HOST.
   */
  METRICS_TOKEN: z
    .string()
    .min(16, 'at least 16 characters')
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces, as it is sent in a header')
    .optional(),
  METRICS_HOST: z.string().min(1).optional(),
  METRICS_PORT: port.optional(),
  WORKER_METRICS_PORT: port.optional(),
  TEMPORAL_METRICS_PORT: port.min(1, 'a fixed port: the SDK does not say which one it took').optional(),

  /**
   * Worker capacity (worker/createWorker.ts); unset, the SDK's defaults. Workflow task slots are
   * held while a task's local activities run (timeline writes, messages, knowledge searches), so
   * they, and the database pool that serves those writes, bound how many cases move at once.
   */
  WORKER_MAX_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(10_000).optional(),
  WORKER_MAX_LOCAL_ACTIVITIES: z.coerce.number().int().min(1).max(10_000).optional(),
  WORKER_MAX_ACTIVITIES: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Workflows kept in the worker's memory between tasks; unset, the SDK sizes it from the heap. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(1_000_000).optional(),

  /**
   * Traces over OTLP/HTTP (tracing/): off unless an endpoint is set, named as OpenTelemetry names
   * them: the collector's base URL (/v1/traces is added) or the traces URL itself, which wins.
   * OTEL_SERVICE_NAME replaces the name each process gives itself (after-sales-api, …-worker).
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: z.string().min(1).max(255).optional(),

  POLICY_PROFILE: z.enum(['standard', 'demo']).default('standard'),

  SIM_PORT: port.default(0),
  SIM_AUTOPILOT: flag.default(true),
});

export type Config = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  return parsed.data;
}

/** Like loadConfig, but for entry points that need a value the local stack would otherwise supply. */
export function requireConfig<K extends keyof Config>(config: Config, ...keys: K[]): Config & Required<Pick<Config, K>> {
  const missing = keys.filter((k) => config[k] === undefined);
  if (missing.length > 0) throw new ConfigError(missing.map((k) => `${String(k)}: required`));
  return config as Config & Required<Pick<Config, K>>;
}
