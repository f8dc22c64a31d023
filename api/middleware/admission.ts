import type { RequestHandler } from 'express';
import { Counter } from 'prom-client';
import { registry } from '../../metrics/registry';
import { HttpProblem } from '../problem';

/** Seconds a shed client waits before trying again: about what the work in flight takes to drain. */
const RETRY_AFTER_S = 1;

const shed = new Counter({
  name: 'aso_requests_shed_total',
  help: 'Requests answered 429 overloaded because the instance had its limit of them in flight',
  labelNames: ['route'],
  registers: [registry],
});

/**
 * At most `limit` of these requests in flight in this instance; the next is answered at once with
 * 429 `overloaded` and Retry-After, and counted. A burst beyond what the instance can work on then
 * waits at the client, which retries with the same Idempotency-Key, instead of queueing here until
 * the workflow engine's deadline answers 503 (docs/security.md, "Limits").
 */
export function admissionLimit(name: string, limit: number): RequestHandler {
  let inFlight = 0;
  return (_req, res, next) => {
    if (inFlight >= limit) {
      shed.inc({ route: name });
      throw new HttpProblem('overloaded', `${limit} ${name} requests are in flight here; retry in ${RETRY_AFTER_S} s with the same Idempotency-Key`, {}, RETRY_AFTER_S);
    }
    inFlight++;
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      inFlight--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}
