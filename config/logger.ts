import pino, { type Logger } from 'pino';
import { traceContext } from '../tracing/logContext';
import { censorLogLine } from './redaction';

/**
 * The credentials an HTTP request log line could carry, as exact paths: cheap enough for a child
 * logger a host hands in without our censoring (see api/middleware/requestLogger.ts).
 */
export const requestCredentialPaths = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-webhook-signature"]',
];

/**
 * stdout unless `destination` says otherwise (the bench keeps stdout for its results). Every line
 * is censored of personal data and credentials before it is written (config/redaction.ts), and
 * one written while a span is active names its trace and span (tracing/logContext.ts).
 */
export function createLogger(opts: { level: string; name: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      name: opts.name,
      level: opts.level,
      hooks: { streamWrite: censorLogLine },
      base: { service: 'after-sales-orchestrator' },
      // The trace id of the span a line is written in: a request's lines beside its trace.
      mixin: traceContext,
    },
    opts.destination,
  );
}
