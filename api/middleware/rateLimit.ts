import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { ApiDeps } from '../deps';
import { HttpProblem } from '../problem';
import { SharedRateLimitStore } from './sharedRateLimitStore';

/**
 * A per-client request budget, counted in PostgreSQL across every API instance of the service: a
 * client gets the limit once however many instances share its traffic. The service is named by its
 * task queue, as its schedules are, so two services on one database (or test suites, each on a
 * queue of its own) keep their budgets apart. A database that does not answer lets requests through
 * uncounted, logged: the limits guard against abuse, and must not turn an outage of the counts
 * into an outage of the routes that need no database.
 */
export function perClientLimit(
  deps: Pick<ApiDeps, 'config' | 'pool' | 'logger'>,
  opts: { name: string; limit: number; clientOf: (req: Request, res: Response) => string },
): RequestHandler {
  const { name, limit } = opts;
  const windowSeconds = deps.config.RATE_LIMIT_WINDOW_SECONDS;
  const { logger } = deps;
  return rateLimit({
    windowMs: windowSeconds * 1_000,
    limit,
    identifier: name,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: opts.clientOf,
    store: new SharedRateLimitStore(deps.pool, `${deps.config.TEMPORAL_TASK_QUEUE}:${name}:`, logger),
    passOnStoreError: true,
    logger: {
      error: (err, message) => logger.error({ err, limiter: name }, message ?? 'rate limit failed'),
      warn: (err, message) => logger.warn({ err, limiter: name }, message ?? 'rate limit misconfigured'),
    },
    handler(req, _res, next) {
      const resetAt = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime?.getTime();
      const retryAfter = Math.max(1, Math.ceil(((resetAt ?? Date.now()) - Date.now()) / 1_000));
      next(new HttpProblem('rate-limited', `at most ${limit} ${name} requests per ${windowSeconds} s per client`, {}, retryAfter));
    },
  });
}

/** The caller's network address, IPv6 addresses grouped by /56 so one host cannot rotate through its range. */
export function clientAddress(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}
