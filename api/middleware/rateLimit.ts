import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { HttpProblem } from '../problem';

/**
 * A per-client request budget. Counts live in this process's memory: each API instance enforces
 * its own budget, which bounds what one client can do to one instance (a shared store would be
 * needed for a global limit across instances).
 */
export function perClientLimit(opts: {
  name: string;
  limit: number;
  windowSeconds: number;
  clientOf: (req: Request, res: Response) => string;
}): RequestHandler {
  const { name, limit, windowSeconds } = opts;
  return rateLimit({
    windowMs: windowSeconds * 1_000,
    limit,
    identifier: name,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: opts.clientOf,
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
