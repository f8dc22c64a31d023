import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet from 'helmet';
import { accessGuard, caseReaders, publicAccess, tokenAccess } from './auth/access';
import type { ApiDeps } from './deps';
import { corsPolicy } from './middleware/cors';
import { errorHandler, notFound } from './middleware/errors';
import { redactingLogger, requestLogger } from './middleware/requestLogger';
import { httpUrl, listeningUrl } from './listeningUrl';
import { openApiDocument, servedDocument } from './openapi';
import { actionRoutes, unknownAction } from './routes/actions';
import { assignmentRoutes } from './routes/assignment';
import { caseReadRoutes } from './routes/cases';
import { codecRoutes } from './routes/codec';
import { createCaseRoute } from './routes/createCase';
import { customerRoutes } from './routes/customers';
import { escalationRoutes } from './routes/escalations';
import { healthRoutes } from './routes/health';
import { supplierRoutes } from './routes/suppliers';
import { webhookRoutes } from './routes/webhooks';
import { workQueueRoutes } from './routes/workItems';

export type { ApiDeps } from './deps';

export function createApp(deps: ApiDeps): express.Express {
  const routes = [
    ...healthRoutes(deps),
    createCaseRoute(deps),
    ...caseReadRoutes(deps),
    ...actionRoutes(deps),
    ...assignmentRoutes(deps),
    ...escalationRoutes(deps),
    ...workQueueRoutes(deps),
    ...webhookRoutes(deps),
    ...supplierRoutes(deps),
    ...customerRoutes(deps),
    ...codecRoutes(deps),
  ];
  const document = openApiDocument(routes);

  const router = express.Router();
  for (const route of routes) route.mount(router, deps.auth);
  router.post('/v1/cases/:id/actions/:action', accessGuard(tokenAccess(caseReaders), deps.auth), unknownAction(deps));
  router.get('/openapi.json', accessGuard(publicAccess('the API contract'), deps.auth), (req, res) => {
    res.json(servedDocument(document, deps.config.PUBLIC_BASE_URL ?? listeningUrl(req)));
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogger(redactingLogger(deps.logger)));
  app.use(helmet());
  app.use(corsPolicy(deps.config));
  app.use(router);
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

/** In-flight requests get this long to finish on shutdown; then their connections are cut. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface RunningApi {
  url: string;
  /** Stops accepting, lets in-flight requests finish, then resolves. The deps stay open: their owner closes them. */
  close(): Promise<void>;
}

export function startApi(deps: ApiDeps & { host: string; port: number }): Promise<RunningApi> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = app.listen(deps.port, deps.host, (err?: Error) => {
      if (err) return reject(err);
      const { port } = server.address() as AddressInfo;
      const close = () =>
        new Promise<void>((done, fail) => {
          const force = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
          server.close((closeErr) => {
            clearTimeout(force);
            return closeErr ? fail(closeErr) : done();
          });
          // Keep-alive connections with no request in flight would otherwise hold close() open.
          server.closeIdleConnections();
        });
      resolve({ url: httpUrl(deps.host, port), close });
    });
  });
}
