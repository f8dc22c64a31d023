import type { Config } from '../config/env';

export type TracingConfig = Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>;

/**
 * Where spans are sent, as OpenTelemetry reads its two settings: the traces URL as given, else
 * the collector's base URL with OTLP/HTTP's traces path; null when neither is set and tracing is off.
 */
export function otlpTracesUrl(config: TracingConfig): string | null {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * What a service started as a child of this process (a drill's worker or API) needs to send its
 * spans where this one sends them. Not the service name: each process names itself.
 */
export function tracingEnv(config: TracingConfig): Record<string, string> {
  const url = otlpTracesUrl(config);
  return url === null ? {} : { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url };
}
