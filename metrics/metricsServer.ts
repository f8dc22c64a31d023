import express from 'express';
import type { Logger } from 'pino';
import { listen, type RunningServer } from '../api/listen';
import { errorHandler, notFound } from '../api/middleware/errors';
import { redactingLogger, requestLogger } from '../api/middleware/requestLogger';
import { metricsHandlers } from './metricsEndpoint';

/**
 * GET /metrics alone on a port of its own (METRICS_PORT for the API, WORKER_METRICS_PORT for a
 * worker), so it can be kept off the network the API faces; every other path is a 404 problem.
 */
export function startMetricsServer(opts: { host: string; port: number; token: string | undefined; logger: Logger }): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  // Request ids for problem answers, and the Authorization header censored from the log line.
  app.use(requestLogger(redactingLogger(opts.logger)));
  app.get('/metrics', ...metricsHandlers(opts.token));
  app.use(notFound);
  app.use(errorHandler);
  return listen(app, opts.host, opts.port);
}
