import { Writable } from 'node:stream';
import { createApp } from '../../api/app';
import { mintToken } from '../../api/auth/tokens';
import { describingDeps } from '../../api/describingDeps';
import { listen, type RunningServer } from '../../api/listen';
import { createLogger } from '../../config/logger';

/**
 * Tokens stay out of request logs wherever a caller puts them: in the Authorization or
 * Proxy-Authorization header, in the query under a credential's name or any other, in the Referer.
 * The API never takes a token from the URL, so one there authenticates nothing. The answers tested
 * here are given before any dependency is used, so the API runs without a database or Temporal.
 */

const deps = describingDeps();
let text = '';
let api: RunningServer;

beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  api = await listen(createApp({ ...deps, logger: createLogger({ level: 'info', name: 'request-log-test', destination }) }), '127.0.0.1', 0);
});

afterAll(async () => {
  await api.close();
});

/** The completion lines logged for requests with this request id. */
function linesOf(requestId: string): { req: { url: string; headers: Record<string, string> }; res: { statusCode: number } }[] {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .filter((line) => line.reqId === requestId);
}

describe('a request log line', () => {
  it('carries no token from the URL, the Referer or the credential headers, and still says what was asked', async () => {
    const token = await mintToken({ sub: 'agent-logged', role: 'agent' }, deps.auth);
    const other = await mintToken({ sub: 'cust-logged', role: 'customer' }, deps.auth);
    const query = new URLSearchParams({ status: 'closed', access_token: token, t: other, api_key: 'k-0123456789' });
    const res = await fetch(`${api.url}/v1/cases?${query}`, {
      headers: {
        'x-request-id': 'logged-credentials-1',
        authorization: `Bearer ${token}`,
        'proxy-authorization': 'Basic cHJveHk6c2VjcmV0',
        referer: `https://shop.example/account?session=s-9876543210&id_token=${other}`,
      },
    });

    const lines = linesOf('logged-credentials-1');
    expect(lines).toHaveLength(1);
    const logged = JSON.stringify(lines);
    for (const secret of [token, other, 'k-0123456789', 'cHJveHk6c2VjcmV0', 's-9876543210']) expect(logged).not.toContain(secret);
    // The token in the header is checked first and lets the agent in; the query then has names the route does not take.
    expect(res.status).toBe(400);
    expect(lines[0]!.res.statusCode).toBe(400);
    expect(lines[0]!.req.url).toMatch(/^\/v1\/cases\?status=closed&access_token=\[redacted\]&t=\[redacted\]&api_key=\[redacted\]$/);
    expect(lines[0]!.req.headers.referer).toBe('https://shop.example/account?session=[redacted]&id_token=[redacted]');
  });

  it('is written for a token in the query alone, which authenticates nothing', async () => {
    const token = await mintToken({ sub: 'admin-logged', role: 'admin' }, deps.auth);
    const res = await fetch(`${api.url}/v1/agents?access_token=${token}`, { headers: { 'x-request-id': 'logged-credentials-2' } });

    expect(res.status).toBe(401);
    expect(JSON.stringify(linesOf('logged-credentials-2'))).not.toContain(token);
  });
});
