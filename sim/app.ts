import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * The HTTP shell around the partner routes. Every answer is JSON, including bad JSON and unknown
 * paths, because our adapters classify failures by status and read the error body.
 */

/** Body-parser failures carry their 4xx status and a type such as entity.parse.failed. */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (err: { status?: number; type?: string; message?: string }, _req, res, _next) => {
    const status = err.status ?? 500;
    if (status >= 500) logger.error({ err }, 'simulator fault');
    const error = status < 500 ? (err.type ?? 'bad_request') : 'internal_error';
    res.status(status).json({ error, message: err.message });
  };
}

export function simulatorApp(logger: Logger, routers: Router[]): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      // Injected faults and business rejections are the point of the simulator, not incidents.
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 400 ? 'info' : 'debug'),
    }),
  );
  app.use(express.json({ limit: '256kb' }));
  app.use(...routers);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use(jsonErrors(logger));
  return app;
}
