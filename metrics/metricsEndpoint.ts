import type { RequestHandler } from 'express';
import { requireMetricsToken } from './metricsToken';
import { registry } from './registry';

/** GET /metrics in Prometheus's text format, behind the token when one is configured. */
export function metricsHandlers(token: string | undefined): RequestHandler[] {
  const serve: RequestHandler = async (_req, res) => {
    const text = await registry.metrics();
    res.set({ 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).send(text);
  };
  return token ? [requireMetricsToken(token), serve] : [serve];
}
