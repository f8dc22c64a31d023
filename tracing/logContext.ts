import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * The trace and span a log line is written in, for pino's mixin (config/logger.ts), under the
 * names the Temporal interceptors give them on workflow and activity log lines, so one search by
 * trace id finds a request's lines in every process. Nothing outside a span, or with tracing off.
 */
export function traceContext(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
