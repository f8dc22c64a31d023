import express from 'express';
import helmet from 'helmet';
import { metricsHandlers } from '../metrics/metricsEndpoint';
import { startMetricsServer } from '../metrics/metricsServer';
import { metricsHost, metricsOnApiPort } from '../metrics/settings';
import { accessGuard, caseReaders, publicAccess, tokenAccess } from './auth/access';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import type { ApiDeps } from './deps';
import { listen } from './listen';
import { corsPolicy } from './middleware/cors';
import { errorHandler, notFound } from './middleware/errors';
import { httpMetrics } from './middleware/httpMetrics';
import { redactingLogger, requestLogger } from './middleware/requestLogger';
import { listeningUrl } from './listeningUrl';
import { openApiDocument, servedDocument } from './openapi';
import type { Route } from './route';
import { actionRoutes, unknownAction } from './routes/actions';
import { assignmentRoutes } from './routes/assignment';
import { caseReadRoutes } from './routes/cases';
import { codecRoutes } from './routes/codec';
import { consoleSettingsRoute } from './routes/consoleSettings';
import { convertCaseRoute } from './routes/convertCase';
import { deliveryRoute } from './routes/deliveries';
import { createCaseRoute, intakeRateLimit } from './routes/createCase';
import { customerRoutes } from './routes/customers';
import { escalationRoutes } from './routes/escalations';
import { feedbackRoutes } from './routes/feedback';
import { healthRoutes } from './routes/health';
import { knowledgeRoutes } from './routes/knowledge';
import { localSignInRoutes } from './routes/localSignIn';
import { qualityRoutes } from './routes/quality';
import { reportRoutes } from './routes/reports';
import { partnerRoutes } from './routes/partners';
import { privacyRoutes } from './routes/privacy';
import { processRoutes } from './routes/processes';
import { supplierRoutes } from './routes/suppliers';
import { webhookRoutes } from './routes/webhooks';
import { workQueueRoutes } from './routes/workItems';
import { webApp } from './webApp';

export type { ApiDeps } from './deps';

/** Every route the API answers with these deps; what /openapi.json documents (and the web app's types are generated from). */
export function apiRoutes(deps: ApiDeps): Route[] {
  const intakeLimit = intakeRateLimit(deps);
  return [
    ...healthRoutes(deps),
    createCaseRoute(deps, intakeLimit),
    convertCaseRoute(deps, intakeLimit),
    ...caseReadRoutes(deps),
    ...actionRoutes(deps),
    ...assignmentRoutes(deps),
    ...escalationRoutes(deps),
    ...feedbackRoutes(deps),
    ...qualityRoutes(deps),
    ...knowledgeRoutes(deps),
    ...workQueueRoutes(deps),
    consoleSettingsRoute(deps),
    ...webhookRoutes(deps),
    deliveryRoute(deps),
    ...supplierRoutes(deps),
    ...partnerRoutes(deps),
    ...processRoutes(deps),
    ...customerRoutes(deps),
    ...privacyRoutes(deps),
    ...reportRoutes(deps),
    ...codecRoutes(deps),
    ...localSignInRoutes(deps),
  ];
}

export function createApp(deps: ApiDeps): express.Express {
  const routes = apiRoutes(deps);
  const document = openApiDocument(routes);

  const router = express.Router();
  for (const route of routes) route.mount(router, deps.auth);
  router.post('/v1/cases/:id/actions/:action', accessGuard(tokenAccess(caseReaders), deps.auth), unknownAction(deps));
  router.get('/openapi.json', accessGuard(publicAccess('the API contract'), deps.auth), (req, res) => {
    res.json(servedDocument(document, deps.config.PUBLIC_BASE_URL ?? listeningUrl(req)));
  });
  if (metricsOnApiPort(deps.config)) {
    // Not a bearer-token route of the API: the scraper's token is METRICS_TOKEN, checked by the handlers.
    const rule = publicAccess('Prometheus metrics, behind METRICS_TOKEN');
    router.get('/metrics', accessGuard(rule, deps.auth), ...metricsHandlers(deps.config.METRICS_TOKEN));
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(httpMetrics());
  app.use(requestLogger(redactingLogger(deps.logger)));
  // X-Frame-Options for browsers older than frame-ancestors, saying the same.
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy }, xFrameOptions: { action: 'deny' } }));
  app.use(corsPolicy(deps.config));
  app.use(router);
  app.use(webApp());
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

export interface RunningApi {
  url: string;
  /** Where GET /metrics answers: on a port of its own, on the API's behind a token, or nowhere (null). */
  metricsUrl: string | null;
  /** Stops accepting, lets in-flight requests finish, then resolves. The deps stay open: their owner closes them. */
  close(): Promise<void>;
}

export async function startApi(deps: ApiDeps & { host: string; port: number }): Promise<RunningApi> {
  const { config } = deps;
  const api = await listen(createApp(deps), deps.host, deps.port);
  if (config.METRICS_PORT === undefined) {
    return { ...api, metricsUrl: metricsOnApiPort(config) ? `${api.url}/metrics` : null };
  }
  const metrics = await startMetricsServer({
    host: metricsHost(config),
    port: config.METRICS_PORT,
    token: config.METRICS_TOKEN,
    logger: deps.logger,
  }).catch(async (err: unknown) => {
    await api.close();
    throw err;
  });
  return {
    url: api.url,
    metricsUrl: `${metrics.url}/metrics`,
    close: async () => {
      await Promise.all([api.close(), metrics.close()]);
    },
  };
}
