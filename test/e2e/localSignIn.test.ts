import { apiRoutes } from '../../api/app';
import type { Stack } from '../../scripts/stack';
import { offlineDeps } from '../support/offlineDeps';
import { startLocalTestStack } from '../support/stackHarness';

/**
 * Local sign-in (docs/web.md) on a stack with made-up secrets, as `npm start` runs one, and the web
 * app served beside the API: pages for the app's paths, never in place of an API answer.
 */

let stack: Stack;

beforeAll(async () => {
  stack = await startLocalTestStack('local-sign-in');
});

afterAll(async () => {
  await stack?.stop();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

async function call(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
}

describe('local sign-in', () => {
  it('lists the roster’s agents, the supervisors and catalogue customers, each with a role', async () => {
    const { status, body } = await call('/v1/local/identities');

    expect(status).toBe(200);
    expect(body.identities).toEqual(
      expect.arrayContaining([
        { role: 'agent', sub: 'agent-ana', name: 'Ana', language: null },
        { role: 'supervisor', sub: 'sup-1', name: expect.any(String), language: null },
        { role: 'customer', sub: 'cust-0193', name: 'Laura Schneider', language: 'en' },
        { role: 'customer', sub: 'cust-0005', name: '徐磊', language: 'zh-CN' },
      ]),
    );
  });

  it('gives a token the API accepts for the role signed in as', async () => {
    const agent = await call('/v1/local/sign-in', { method: 'POST', body: { role: 'agent', sub: 'agent-ana' } });
    const supervisor = await call('/v1/local/sign-in', { method: 'POST', body: { role: 'supervisor', sub: 'sup-1' } });

    expect(agent).toMatchObject({ status: 200, body: { role: 'agent', sub: 'agent-ana', token: expect.any(String) } });
    expect(Date.parse(agent.body.expiresAt)).toBeGreaterThan(Date.now());
    expect((await call('/v1/work-items', { token: agent.body.token })).status).toBe(200);
    // The roster is for supervisors: an agent's token is refused there.
    expect((await call('/v1/agents', { token: agent.body.token })).status).toBe(403);
    expect((await call('/v1/agents', { token: supervisor.body.token })).status).toBe(200);
  });

  it('refuses someone the stack does not have, and a role it does not offer, with problems', async () => {
    const stranger = await call('/v1/local/sign-in', { method: 'POST', body: { role: 'agent', sub: 'agent-nobody' } });
    const admin = await call('/v1/local/sign-in', { method: 'POST', body: { role: 'admin', sub: 'root' } });

    expect(stranger).toMatchObject({ status: 422, body: { type: problemType('unknown-identity'), role: 'agent', sub: 'agent-nobody' } });
    expect(stranger.body.token).toBeUndefined();
    expect(admin).toMatchObject({ status: 400, body: { type: problemType('validation'), errors: [{ in: 'body', path: 'role' }] } });
  });

  it('does not exist on an API with a configured token secret', () => {
    const deps = offlineDeps();
    const routeCount = (localSignIn: boolean) => apiRoutes({ ...deps, localSignIn }).length;

    expect(routeCount(true) - routeCount(false)).toBe(2);
  });
});

function directives(policy: string | null): Record<string, string> {
  return Object.fromEntries((policy ?? '').split(';').map((d) => d.trim().split(/\s+(.*)/s, 2) as [string, string]));
}

describe('the web app', () => {
  it.each(['/', '/sign-in', '/console', '/console/search', '/track/case_01', '/console/cases/case_01'])(
    'is the page at %s, under a CSP of its own origin only: no inline script or style, no eval, no framing',
    async (path) => {
      const res = await call(path);

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
      const policy = res.headers.get('content-security-policy');
      expect(directives(policy)).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'script-src-attr': "'none'",
        'style-src': "'self'",
        'connect-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'none'",
        'frame-ancestors': "'none'",
      });
      expect(policy).not.toMatch(/unsafe-|https:|\*/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('serves its scripts, and keeps the API’s own answers everywhere else', async () => {
    const page = await call('/console');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];

    expect(script).toBeDefined();
    expect(await call(script!)).toMatchObject({ status: 200 });
    expect((await call(script!)).headers.get('cache-control')).toMatch(/immutable/);
    for (const path of ['/v1/nothing', '/assets/missing.js', '/openapi', '/v1/local', '/healthz/x']) {
      const res = await call(path);
      expect({ path, status: res.status, type: res.body?.type }).toEqual({ path, status: 404, type: problemType('not-found') });
    }
    expect((await call('/openapi.json')).body.paths['/v1/local/sign-in']).toBeDefined();
    expect((await call('/v1/work-items')).status).toBe(401);
  });
});
