import { z } from 'zod';
import { publicAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';

/** Readiness must answer fast even when a dependency hangs: a load balancer is waiting on it. */
const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const Healthy = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const Ready = z.object({ status: z.literal('ready') }).meta({ id: 'Readiness' });

function liveness(): Route {
  return defineRoute({
    method: 'get',
    path: '/healthz',
    operationId: 'getLiveness',
    summary: 'Liveness: the process answers',
    tags: ['operations'],
    access: publicAccess('a liveness probe'),
    responses: { 200: jsonResponse('Alive', Healthy) },
    problems: [],
    async handle(_input, _req, res) {
      res.json({ status: 'ok' });
    },
  });
}

function readiness({ pool, temporal }: ApiDeps): Route {
  const checks: Record<string, () => Promise<unknown>> = {
    postgres: () => withTimeout(pool.query('SELECT 1'), CHECK_TIMEOUT_MS),
    temporal: () =>
      temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => temporal.workflowService.getSystemInfo({})),
  };
  return defineRoute({
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    summary: 'Readiness: PostgreSQL and Temporal both answer',
    tags: ['operations'],
    access: publicAccess('a readiness probe'),
    responses: { 200: jsonResponse('Ready to take requests', Ready) },
    problems: ['not-ready'],
    async handle(_input, req, res) {
      const names = Object.keys(checks);
      const results = await Promise.allSettled(Object.values(checks).map((check) => check()));
      const failed = names.filter((_, i) => results[i]?.status === 'rejected');
      if (failed.length > 0) {
        req.log.warn({ failed }, 'not ready');
        throw new HttpProblem('not-ready', `unreachable: ${failed.join(', ')}`, { failed });
      }
      res.json({ status: 'ready' });
    },
  });
}

export function healthRoutes(deps: ApiDeps): Route[] {
  return [liveness(), readiness(deps)];
}
