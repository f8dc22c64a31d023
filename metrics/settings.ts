import type { Config } from '../config/env';

/** Where the metrics listeners bind: METRICS_HOST, else the API's host. */
export function metricsHost(config: Config): string {
  return config.METRICS_HOST ?? config.API_HOST;
}

/**
 * GET /metrics on the API port only behind a token, and only when it has no port of its own: the
 * API port usually faces clients and partners, who must not read the service's volumes.
 */
export function metricsOnApiPort(config: Config): boolean {
  return config.METRICS_TOKEN !== undefined && config.METRICS_PORT === undefined;
}

/** Where the Temporal SDK's Prometheus exporter listens, as it wants it (ip:port), when configured. */
export function temporalMetricsAddress(config: Config): string | undefined {
  if (config.TEMPORAL_METRICS_PORT === undefined) return undefined;
  const host = metricsHost(config);
  return `${host.includes(':') ? `[${host}]` : host}:${config.TEMPORAL_METRICS_PORT}`;
}
