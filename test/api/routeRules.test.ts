import express from 'express';
import { createApp, type RunningApi, startApi } from '../../api/app';
import { accessGuard, publicAccess } from '../../api/auth/access';
import { offlineDeps } from '../support/offlineDeps';
import { mountedRoutes } from '../support/routeTable';

/** These tests read the route table and the contract only. */
const deps = offlineDeps();
const routes = mountedRoutes(createApp(deps));
let api: RunningApi;

beforeAll(async () => {
  api = await startApi({ ...deps, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await api.close();
});

/** Routes anyone may call: probes, the contract and metrics, nothing that touches a case. */
const mayBePublic = new Set(['get /healthz', 'get /readyz', 'get /openapi.json', 'get /metrics']);

describe('access rules', () => {
  it('are declared by every route the API answers', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.rule === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('would be missed on a route mounted without one', () => {
    const app = express();
    app.get('/guarded', accessGuard(publicAccess('a test'), deps.auth), (_req, res) => res.end());
    app.get('/forgotten', (_req, res) => res.end());

    expect(mountedRoutes(app).filter((r) => r.rule === undefined).map((r) => r.path)).toEqual(['/forgotten']);
  });

  it('leave only probes and the contract public, and webhooks to partner signatures', () => {
    const publicRoutes = routes.filter((r) => r.rule?.kind === 'public').map((r) => `${r.method} ${r.path}`);
    const signed = routes.filter((r) => r.rule?.kind === 'partner-signature').map((r) => r.path);

    expect(publicRoutes.filter((r) => !mayBePublic.has(r))).toEqual([]);
    expect(signed.length).toBeGreaterThan(0);
    expect(signed.every((path) => path.startsWith('/v1/webhooks/'))).toBe(true);
    expect(routes.filter((r) => r.path.startsWith('/v1/webhooks/')).every((r) => r.rule?.kind === 'partner-signature')).toBe(true);
  });

  it('let only supervisors and admins use the codec', () => {
    const codec = routes.filter((r) => r.path.startsWith('/codec/'));

    expect(codec).toHaveLength(2);
    for (const route of codec) expect(route.rule).toEqual({ kind: 'token', reaches: { supervisor: 'all', admin: 'all' } });
  });

  it('are published in the OpenAPI document', async () => {
    const paths = ((await (await fetch(`${api.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, any>> }).paths;

    expect(paths['/v1/cases']?.post.security).toEqual([{ bearerAuth: [] }]);
    expect(paths['/v1/cases']?.post.description).toMatch(/^Bearer token with role customer \(own cases\)/);
    expect(paths['/healthz']?.get.security).toEqual([]);
    expect(paths['/v1/webhooks/carriers/{carrier}']?.post.description).toMatch(/HMAC signature/);
    expect(paths['/v1/webhooks/carriers/{carrier}']?.post.security).toEqual([{ webhookSignature: [] }]);
  });
});
