import type { IncomingMessage } from 'node:http';
import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_HTTP_ROUTE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Request } from 'express';
import { routeTemplate } from '../api/middleware/routeTemplate';
import type { Config } from '../config/env';
import { CensoringSpanProcessor } from './censoringSpanProcessor';
import { otlpTracesUrl } from './settings';

export interface Tracing {
  /** The collector's traces URL. */
  url: string;
  /** What every finished span goes through: censored, then batched to the collector. The worker sends its workflows' spans here too. */
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Sends the spans still buffered and stops tracing; the last thing a process does. */
  shutdown(): Promise<void>;
}

/** Probes and scrapes, every few seconds from every pod: traces of nothing. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function httpInstrumentation(): HttpInstrumentation {
  return new HttpInstrumentation({
    ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]!),
    // A server span is named by the route that answered, as the metrics label requests (the
    // Express instrumentation would, but not for Express 5 on this OpenTelemetry line).
    applyCustomAttributesOnSpan: (span, request) => {
      const route = routeTemplate(request as IncomingMessage & Partial<Request> as Request);
      if (route === null) return;
      span.setAttribute(ATTR_HTTP_ROUTE, route);
      span.updateName(`${(request as IncomingMessage).method} ${route}`);
    },
  });
}

let current: Tracing | null = null;

/** This process's tracing once started, null while it is off: the worker's workflow span sink sends to it. */
export function processTracing(): Tracing | null {
  return current;
}

/**
 * Starts tracing for this process when an OTLP endpoint is configured (config/env.ts), and does
 * nothing otherwise: no provider is registered, so the interceptors and instrumented calls make
 * non-recording spans and propagate nothing. Spans: the server side of every HTTP request but
 * probes, every fetch (partner calls, the systems of record, the simulator's webhooks) with a
 * traceparent it carries on, and Temporal's client, workflow and activity spans through the
 * interceptors (tracing/temporal.ts). `service` names the process unless OTEL_SERVICE_NAME does.
 */
export function startTracing(config: Config, service: string): Tracing | null {
  const url = otlpTracesUrl(config);
  if (url === null) return null;
  if (current) return current;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME ?? service });
  const spanProcessor = new CensoringSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // Global: the interceptors and instrumentations find it there; AsyncLocalStorage carries the
  // active span across awaits, and W3C traceparent crosses HTTP and Temporal headers.
  provider.register();
  const stopInstrumenting = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [httpInstrumentation(), new UndiciInstrumentation()],
  });
  // The HTTP instrumentation patches http's exports, in place, the next time the module is
  // required; every entry point has required it already (Express, the metrics server), so require
  // it once more now, before any server listens.
  require('node:http');
  require('node:https');
  const tracing: Tracing = {
    url,
    spanProcessor,
    resource,
    shutdown: async () => {
      stopInstrumenting();
      // Spans a collector that is down cannot take are lost, at the end as at any time: no reason
      // for a process to fail its shutdown.
      await provider.shutdown().catch(() => undefined);
      trace.disable();
      context.disable();
      propagation.disable();
      current = null;
    },
  };
  current = tracing;
  return tracing;
}
