import { decodeJwt } from 'jose';
import { trackingLink, type TrackingLinks } from '../../activities/trackingLinks';
import { verifyToken } from '../../api/auth/tokens';
import { returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

/**
 * The link in a message to a customer (docs/web.md#tracking-links) opens that customer's one case,
 * for what the customer may do on it, and nothing else: another case answers 404 as it does for a
 * stranger, and the routes about more than one case refuse it.
 */

let api: ApiHarness;
let links: TrackingLinks;

beforeAll(async () => {
  api = await ApiHarness.start('api-tracking-links');
  links = { tokens: api.tokens, baseUrl: () => 'https://shop.example/help/', ttl: '30 days' };
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

/** A customer's case and the token of the link a message about it would carry. */
async function caseWithLink() {
  const request = returnRequest();
  const customer = api.as({ sub: request.customer.id, role: 'customer' });
  const caseId = await customer.openCase(request);
  const url = new URL(await trackingLink(links, caseId, { id: request.customer.id, language: 'zh-CN' }));
  const token = new URLSearchParams(url.hash.slice(1)).get('t')!;
  const withLink = (method: string, path: string, body?: unknown) =>
    api.as(null).request(method, path, {
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  return { request, customer, caseId, url, token, withLink };
}

it('puts a customer token for the one case in the fragment of a page address under the public base URL', async () => {
  const { request, caseId, url, token } = await caseWithLink();

  expect(`${url.origin}${url.pathname}`).toBe(`https://shop.example/track/${caseId}`);
  expect(url.search).toBe('');
  expect(new URLSearchParams(url.hash.slice(1)).get('lang')).toBe('zh-CN');
  expect(await verifyToken(token, api.tokens)).toEqual({ sub: request.customer.id, role: 'customer', case: caseId });
  const { iat, exp } = decodeJwt(token);
  expect(exp! - iat!).toBe(30 * 24 * 3600);
});

it('reads its case and its timeline, and takes the customer’s actions on it', async () => {
  const { caseId, withLink } = await caseWithLink();

  const read = await withLink('GET', `/v1/cases/${caseId}`);
  const timeline = await withLink('GET', `/v1/cases/${caseId}/timeline`);
  const cancelled = await withLink('POST', `/v1/cases/${caseId}/actions/cancel`, { reason: 'changed my mind' });

  expect([read.status, timeline.status, cancelled.status]).toEqual([200, 200, 200]);
  expect(read.body.id).toBe(caseId);
  expect(read.body).not.toHaveProperty('customerSegment');
  expect(cancelled.body.status).toBe('closed');
});

it('answers 404 for the customer’s other cases, as for a stranger’s, and changes nothing there', async () => {
  const { request, customer, withLink } = await caseWithLink();
  const otherOfTheirs = await customer.openCase(returnRequest({ customer: request.customer }));
  const stranger = returnRequest();
  const strangers = await api.as({ sub: stranger.customer.id, role: 'customer' }).openCase(stranger);

  for (const other of [otherOfTheirs, strangers]) {
    const read = await withLink('GET', `/v1/cases/${other}`);
    const timeline = await withLink('GET', `/v1/cases/${other}/timeline`);
    const cancel = await withLink('POST', `/v1/cases/${other}/actions/cancel`, { reason: 'not mine to cancel' });
    expect([read.status, timeline.status, cancel.status]).toEqual([404, 404, 404]);
    expect(read.body.type).toBe(problemType('case-not-found'));
    expect(await api.liveStatus(other)).toBe('under_review');
  }
});

it('cannot list cases, open one or read the customer view: 403, and nothing is opened', async () => {
  const { request, withLink } = await caseWithLink();
  const another = returnRequest({ customer: request.customer });

  const listed = await withLink('GET', '/v1/cases');
  const viewed = await withLink('GET', `/v1/customers/${request.customer.id}`);
  const opened = await withLink('POST', '/v1/cases', another);

  expect([listed.status, viewed.status, opened.status]).toEqual([403, 403, 403]);
  expect(viewed.body.type).toBe(problemType('forbidden'));
  expect(viewed.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
  expect((await api.get(`/v1/cases?customerId=${request.customer.id}`)).body.items).toHaveLength(1);
});

it('stops working once it has expired', async () => {
  const { request, caseId } = await caseWithLink();
  const expired = await api.token({ sub: request.customer.id, role: 'customer', case: caseId }, '1 hour ago');

  const read = await api.as(null).request('GET', `/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${expired}` } });

  expect(read.status).toBe(401);
  expect(read.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
});
