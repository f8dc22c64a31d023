import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { createApp } from '../../api/app';
import { mintToken, type Principal, type Role } from '../../api/auth/tokens';
import { migrateDatabase } from '../../db/migrate';
import { createTestDatabase, type TestDatabase } from '../setup/testDatabase';
import { testEnv } from '../support/env';
import { returnRequest } from '../support/requests';
import { mountedRoutes } from '../support/routeTable';
import { type ApiClient, ApiHarness } from './support/apiHarness';
import { defectsFor, type HostileRequest, hostileRequest, type RouteShape, type World } from './support/hostileRequests';

/**
 * Thousands of malformed bodies, headers, ids and tokens against every route the API answers:
 * each is answered with a 4xx problem, none with a 5xx, and nothing anywhere changes. The API runs
 * on a database of its own, so the row counts are exact while other test files run.
 */

/** Spread over every (route, defect) pair, so the run takes about as long however many routes there are. */
const REQUEST_BUDGET = 3_000;
/** A safety net for a loaded machine (two suites, Temporal and PostgreSQL on two cores), not a target. */
const HOSTILE_RUN_TIMEOUT_MS = 300_000;
const PROBLEM_TYPE = /^https:\/\/after-sales\.example\/problems\/[a-z-]+$/;

let database: TestDatabase;
let api: ApiHarness;
let world: World;
/** The API under test: local sign-in on, so its routes are in the document and fuzzed too. */
let target: ApiClient;
let routes: RouteShape[];
/** Per route: answers by status code, and how many came from the route rather than the catch-all 404. */
const tally: Record<string, { reached: number; byStatus: Record<string, number> }> = {};
/** Where the run's counts are kept after it, for the record (docs/quality.md cites them). */
const TALLY_FILE = join(tmpdir(), 'after-sales-orchestrator-hostile-input.json');

async function invalidTokens(tokens: ApiHarness['tokens']): Promise<string[]> {
  const someone: Principal = { sub: 'cust-x', role: 'admin' };
  const signed = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT = (j) => j) =>
    build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(tokens.issuer).setAudience(tokens.audience))
      .sign(new TextEncoder().encode(tokens.secret))
      .then((t) => `Bearer ${t}`);
  const valid = await mintToken(someone, tokens);
  return [
    `Bearer ${await mintToken(someone, tokens, '1 hour ago')}`,
    `Bearer ${await mintToken(someone, { ...tokens, secret: 'z'.repeat(40) })}`,
    `Bearer ${await mintToken(someone, { ...tokens, audience: 'other' })}`,
    `Bearer ${await mintToken(someone, { ...tokens, issuer: 'other' })}`,
    await signed({ sub: 'x', role: 'owner' }, (j) => j.setExpirationTime('1h')),
    await signed({ sub: 'x', role: 'admin' }),
    await signed({ role: 'admin' }, (j) => j.setExpirationTime('1h')),
    `Bearer ${valid}x`,
    `Bearer ${valid.split('.').slice(0, 2).join('.')}.`,
    `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"admin"}').toString('base64url')}.`,
    `bearer ${valid}`,
    `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    'Bearer',
    '',
  ];
}

async function buildWorld(): Promise<World> {
  const intake = returnRequest();
  const owner = intake.customer.id;
  const key = randomUUID();
  const supplier = `acme-${randomUUID().slice(0, 6)}`;
  const principals: Record<Role, Principal> = {
    customer: { sub: owner, role: 'customer' },
    agent: { sub: 'agent-fuzz', role: 'agent' },
    supervisor: { sub: 'sup-fuzz', role: 'supervisor' },
    supplier: { sub: supplier, role: 'supplier' },
    admin: { sub: 'admin-fuzz', role: 'admin' },
  };
  const valid = Object.fromEntries(
    await Promise.all(Object.entries(principals).map(async ([role, p]) => [role, `Bearer ${await mintToken(p, api.tokens)}`])),
  ) as Record<Role, string>;

  const asOwner = api.as(principals.customer);
  const ownerCase = (await asOwner.createCase(intake, key)).body.id as string;
  const assignedCase = await asOwner.openCase(returnRequest({ customer: intake.customer }));
  const closedCase = await asOwner.openCase(returnRequest({ customer: intake.customer }));
  expect((await asOwner.post(`/v1/cases/${closedCase}/actions/cancel`, {})).body.status).toBe('closed');
  await api.deps.pool.query(`UPDATE cases SET details = details || jsonb_build_object('supplierId', $2::text) WHERE id = $1`, [
    assignedCase,
    supplier,
  ]);
  return {
    tokens: {
      valid,
      intruder: `Bearer ${await mintToken({ sub: `cust-${randomUUID().slice(0, 8)}`, role: 'customer' }, api.tokens)}`,
      otherSupplier: `Bearer ${await mintToken({ sub: 'other-supplier', role: 'supplier' }, api.tokens)}`,
      invalid: await invalidTokens(api.tokens),
    },
    ownerCase,
    assignedCase,
    closedCase,
    webhookSecret: api.deps.webhookSecrets.signing('carrier:any')!,
    intake: { body: intake, key },
  };
}

interface DocumentedParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { enum?: string[]; $ref?: string };
}

/**
 * Every operation of the OpenAPI document the API serves, with its query and header parameters and
 * the access rule its guard enforces, then the few routes the router answers outside the document.
 * A route added to the API is in the document (defineRoute puts it there), so it is fuzzed here
 * without a line of this file changing.
 */
async function routeShapes(): Promise<RouteShape[]> {
  const document = (await target.get('/openapi.json')).body;
  const schemas = document.components.schemas as Record<string, { enum?: string[] }>;
  const enumOf = (p: DocumentedParameter) => p.schema?.enum ?? schemas[p.schema?.$ref?.replace('#/components/schemas/', '') ?? '']?.enum;
  const mounted = mountedRoutes(createApp({ ...api.deps, localSignIn: true }));
  const ruleOf = (method: string, path: string) => mounted.find((r) => r.method === method && r.path === path)?.rule;

  const documented = Object.entries(document.paths as Record<string, Record<string, { parameters?: DocumentedParameter[] }>>).flatMap(
    ([openApiPath, methods]) =>
      Object.entries(methods).map(([method, operation]): RouteShape => {
        const path = openApiPath.replace(/\{(\w+)\}/g, ':$1');
        const rule = ruleOf(method, path);
        if (!rule) throw new Error(`${method.toUpperCase()} ${openApiPath} is in the OpenAPI document but the router does not answer it`);
        const parameters = operation.parameters ?? [];
        return {
          method: method as RouteShape['method'],
          path,
          rule,
          documented: true,
          query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, allowed: enumOf(p) })),
          requiredHeaders: parameters.filter((p) => p.in === 'header' && p.required).map((p) => p.name),
        };
      }),
  );
  const outside = mounted
    .filter((r) => !documented.some((d) => d.method === r.method && d.path === r.path))
    .map(({ method, path, rule }): RouteShape => ({ method: method as RouteShape['method'], path, rule: rule!, documented: false, query: [], requiredHeaders: [] }));
  return [...documented, ...outside];
}

const routeKey = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${route.path}`;

/** What must not change: the rows, and what the workflows of the world's cases say. */
async function snapshot() {
  const rows = await api.deps.pool.query<{ cases: string; events: string }>(
    'SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_events) AS events',
  );
  const cases = [world.ownerCase, world.assignedCase, world.closedCase];
  const live = await Promise.all(cases.slice(0, 2).map(async (id) => [await api.liveStatus(id), await api.appliedSteps(id)]));
  return { rows: rows.rows[0], live, closed: (await api.get(`/v1/cases/${world.closedCase}`)).body.status };
}

/** The answer of the API's catch-all to a path no route matches: a request that never reached the route it was meant for. */
const NO_SUCH_ROUTE = /is not a route of this API/;

async function send(route: RouteShape, req: HostileRequest): Promise<{ status: number; contentType: string; body: string }> {
  const res = await fetch(`${target.url}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
  const answer = { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
  const byStatus = (tally[routeKey(route)] ??= { reached: 0, byStatus: {} });
  byStatus.byStatus[answer.status] = (byStatus.byStatus[answer.status] ?? 0) + 1;
  if (!NO_SUCH_ROUTE.test(answer.body)) byStatus.reached += 1;
  return answer;
}

/** Answers per status code, over all routes. */
function statusCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { byStatus } of Object.values(tally)) for (const [status, n] of Object.entries(byStatus)) counts[status] = (counts[status] ?? 0) + n;
  return counts;
}

let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  database = await createTestDatabase({ serverUrl: testEnv().databaseUrl, scratchDir: '', onProgress: () => undefined });
  await migrateDatabase(database.databaseUrl);
  // Budgets large enough that validation, not the rate limiter, answers almost every request.
  api = await ApiHarness.start('api-hostile', {
    DATABASE_URL: database.databaseUrl,
    RATE_LIMIT_INTAKE: '1000000',
    RATE_LIMIT_WEBHOOKS: '1000000',
    // /metrics on the API port, so it is among the routes fuzzed.
    METRICS_TOKEN: 'hostile-metrics-token-0123456789',
  });
  target = await api.variant({ localSignIn: true });
  world = await buildWorld();
  routes = await routeShapes();
  before = await snapshot();
});

afterAll(async () => {
  const counts = statusCounts();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const byStatus = Object.entries(counts).map(([status, n]) => `${status}: ${n}`).join(', ');
  await writeFile(TALLY_FILE, `${JSON.stringify({ total, routes: routes?.length ?? 0, byStatus: counts, byRoute: tally }, null, 2)}\n`);
  process.stdout.write(`hostile input: ${total} requests to ${routes?.length ?? 0} routes; ${byStatus} (per route: ${TALLY_FILE})\n`);
  await api?.close();
  await database?.dispose();
});

describe('hostile input', () => {
  it('is answered by every route with a 4xx problem, never a 5xx', async () => {
    const pairs = routes.reduce((n, route) => n + Math.max(1, defectsFor(route).length), 0);
    const runsPerDefect = Math.max(8, Math.ceil(REQUEST_BUDGET / pairs));
    for (const route of routes) {
      const defects = defectsFor(route);
      if (defects.every((defect) => defect === 'unknown-query')) {
        // Nothing to get wrong but the query (probes, the contract): still never a 5xx, whatever comes with it.
        await fc.assert(
          fc.asyncProperty(hostileRequest(world, route, 'none'), async (req) => {
            const res = await send(route, req);
            expect(res.status).toBeLessThan(500);
          }),
          { numRuns: 20 },
        );
      }
      for (const defect of defects) {
        await fc.assert(
          fc.asyncProperty(hostileRequest(world, route, defect), async (req) => {
            const res = await send(route, req);
            if (res.status < 400 || res.status >= 500) {
              throw new Error(`${req.method} ${req.path} (${defect}) answered ${res.status}: ${res.body.slice(0, 300)}`);
            }
            expect(res.contentType).toMatch(/^application\/problem\+json/);
            const problem = JSON.parse(res.body) as { type: string; status: number };
            expect(problem.type).toMatch(PROBLEM_TYPE);
            expect(problem.status).toBe(res.status);
          }),
          { numRuns: runsPerDefect },
        );
      }
    }
  }, HOSTILE_RUN_TIMEOUT_MS);

  it('reached every route the API answers: each operation of the OpenAPI document, and only the contract, metrics and unknown actions besides', async () => {
    const document = (await target.get('/openapi.json')).body.paths as Record<string, Record<string, unknown>>;
    const operations = Object.entries(document).flatMap(([path, methods]) => Object.keys(methods).map((m) => routeKey({ method: m, path: path.replace(/\{(\w+)\}/g, ':$1') })));
    const unreached = routes.filter((route) => (tally[routeKey(route)]?.reached ?? 0) === 0).map(routeKey);

    expect(unreached).toEqual([]);
    expect(operations.filter((op) => !tally[op])).toEqual([]);
    expect(routes.filter((r) => !r.documented).map(routeKey).sort()).toEqual(['GET /metrics', 'GET /openapi.json', 'POST /v1/cases/:id/actions/:action']);
    expect(Object.values(statusCounts()).reduce((a, b) => a + b, 0)).toBeGreaterThan(REQUEST_BUDGET);
    expect(Object.keys(statusCounts()).filter((status) => Number(status) >= 500)).toEqual([]);
  });

  it('changes nothing: no row, no case, no workflow', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
