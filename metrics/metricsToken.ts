import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpProblem } from '../api/problem';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Lets a scraper through with `Authorization: Bearer <METRICS_TOKEN>`, and nobody else: not even
 * an API token, whose holders have no business reading the service's volumes. Digests are
 * compared, in constant time, so neither the token nor its length leaks through timing.
 */
export function requireMetricsToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const given = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new HttpProblem('unauthorized', 'send the metrics token (METRICS_TOKEN) as "Authorization: Bearer <token>"');
    }
    next();
  };
}
