import type { RequestHandler } from 'express';
import { Counter, Histogram } from 'prom-client';
import { registry } from '../../metrics/registry';
import { problemSent } from '../problem';
import { routeTemplate } from './routeTemplate';

/** The route label of a request no route matched: one value, however many paths are probed. */
export const UNMATCHED_ROUTE = 'unmatched';
const WEBHOOKS = '/v1/webhooks/';

const labelNames = ['route', 'method', 'status_class'] as const;

const requests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by route template, method and status class (2xx, 4xx, 5xx)',
  labelNames,
  registers: [registry],
});

const duration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from the request reaching the API to the last byte of the answer, by route template, method and status class',
  labelNames,
  registers: [registry],
});

const webhookRejections = new Counter({
  name: 'after_sales_webhook_rejections_total',
  help: 'Partner webhooks answered with a problem, by its type (invalid-signature, unknown-partner, step-early, rate-limited, ...)',
  labelNames: ['reason'] as const,
  registers: [registry],
});

/**
 * Counts and times every answer, the first middleware so refusals by any later one count too.
 * A request whose client went away before the answer was sent has no status and is not counted.
 */
export function httpMetrics(): RequestHandler {
  return (req, res, next) => {
    const stop = duration.startTimer();
    res.once('finish', () => {
      const route = routeTemplate(req) ?? UNMATCHED_ROUTE;
      const labels = { route, method: req.method, status_class: `${Math.floor(res.statusCode / 100)}xx` };
      requests.inc(labels);
      stop(labels);
      // Every refusal of a webhook, from the rate limit and the signature to the case's own, is
      // answered as a problem; by path, since a refusal before routing has no route template.
      const problem = problemSent(res);
      if (problem && req.originalUrl.startsWith(WEBHOOKS)) webhookRejections.inc({ reason: problem });
    });
    next();
  };
}
