import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { mintToken, type Principal } from '../../api/auth/tokens';
import { returnRequest } from '../support/requests';
import { type ApiClient, ApiHarness } from './support/apiHarness';

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-access');
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;
const customer = (sub: string): Principal => ({ sub, role: 'customer' });

/** A new customer with one open case of their own. */
async function customerWithCase(): Promise<{ client: ApiClient; id: string; caseId: string }> {
  const request = returnRequest();
  const client = api.as(customer(request.customer.id));
  return { client, id: request.customer.id, caseId: await client.openCase(request) };
}

function withToken(token: string) {
  return api.as(null).request('GET', '/v1/cases', { headers: { authorization: token } });
}

describe('bearer tokens', () => {
  it('are required: without one the answer is 401 with a Bearer challenge, and nothing is opened', async () => {
    const request = returnRequest();
    const listed = await api.as(null).get('/v1/cases');
    const opened = await api.as(null).createCase(request);

    expect(listed.status).toBe(401);
    expect(listed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(listed.headers.get('www-authenticate')).toBe('Bearer realm="after-sales"');
    expect(listed.body.type).toBe(problemType('unauthorized'));
    expect(opened.status).toBe(401);
    expect((await api.get(`/v1/cases?customerId=${request.customer.id}`)).body.items).toEqual([]);
  });

  it.each<[string, () => Promise<string>]>([
    ['an expired token', async () => `Bearer ${await api.token(customer('c-1'), '1 hour ago')}`],
    ['a token signed with another secret', async () => `Bearer ${await mintToken(customer('c-1'), { ...api.tokens, secret: 'x'.repeat(40) })}`],
    ['a token for another API', async () => `Bearer ${await mintToken(customer('c-1'), { ...api.tokens, audience: 'billing-api' })}`],
    [
      'a token with a role that does not exist',
      async () =>
        `Bearer ${await new SignJWT({ role: 'owner' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('c-1')
          .setIssuer(api.tokens.issuer)
          .setAudience(api.tokens.audience)
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(api.tokens.secret))}`,
    ],
    ['an unsigned token', async () => `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"c-1","role":"admin"}').toString('base64url')}.`],
    ['basic credentials', async () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
  ])('refuse %s with 401 and say why', async (_what, authorization) => {
    const res = await withToken(await authorization());

    expect(res.status).toBe(401);
    expect(res.body.type).toBe(problemType('unauthorized'));
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="after-sales", error="invalid_(token|request)"/);
  });

  it('of a role the route does not admit are refused with 403', async () => {
    const { caseId } = await customerWithCase();
    const supplierOpens = await api.as({ sub: 'acme-repairs', role: 'supplier' }).createCase(returnRequest());
    const agentRates = await api.as({ sub: 'agent-7', role: 'agent' }).post(`/v1/cases/${caseId}/actions/survey`, { score: 5 });

    expect([supplierOpens.status, agentRates.status]).toEqual([403, 403]);
    expect(supplierOpens.body.type).toBe(problemType('forbidden'));
    expect(await api.liveStatus(caseId)).toBe('under_review');
  });
});

describe('customers', () => {
  it('see and act on their own cases', async () => {
    const { client, caseId } = await customerWithCase();

    expect((await client.get(`/v1/cases/${caseId}`)).status).toBe(200);
    expect((await client.get(`/v1/cases/${caseId}/timeline`)).status).toBe(200);
    expect((await client.post(`/v1/cases/${caseId}/actions/cancel`, { reason: 'kept it' })).body).toEqual({ caseId, status: 'closed' });
  });

  it('get 404 for another customer’s case, exactly as for a case that does not exist, and change nothing', async () => {
    const { caseId } = await customerWithCase();
    const intruder = (await customerWithCase()).client;
    const unknown = await intruder.get('/v1/cases/case_00000000000000000000000000');
    const answers = [
      await intruder.get(`/v1/cases/${caseId}`),
      await intruder.get(`/v1/cases/${caseId}/timeline`),
      await intruder.post(`/v1/cases/${caseId}/actions/cancel`, {}),
    ];

    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ type: unknown.body.type, title: unknown.body.title, caseId });
    }
    expect(await api.liveStatus(caseId)).toBe('under_review');
  });

  it('list their own cases only, whatever customerId they ask for', async () => {
    const alice = await customerWithCase();
    const bob = await customerWithCase();

    const asked = await bob.client.get(`/v1/cases?customerId=${alice.id}`);
    const all = await bob.client.get('/v1/cases');

    expect(asked.body.items.map((c: { id: string }) => c.id)).toEqual([bob.caseId]);
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual([bob.caseId]);
  });

  it('open cases for themselves only', async () => {
    const { client } = await customerWithCase();
    const res = await client.createCase(returnRequest());

    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/customer\.id must be your own/);
  });
});

describe('suppliers', () => {
  it('read the cases assigned to them and no others, without the customer behind them, and cannot act on them', async () => {
    const supplierId = `acme-${randomUUID().slice(0, 8)}`;
    const assigned = (await customerWithCase()).caseId;
    const other = (await customerWithCase()).caseId;
    await api.deps.pool.query(`UPDATE cases SET details = details || jsonb_build_object('supplierId', $2::text) WHERE id = $1`, [
      assigned,
      supplierId,
    ]);
    const supplier = api.as({ sub: supplierId, role: 'supplier' });

    const read = await supplier.get(`/v1/cases/${assigned}`);
    expect(read.status).toBe(200);
    expect(read.body.links).toEqual({});
    expect(read.body).not.toHaveProperty('customerSegment');
    expect((await supplier.get(`/v1/cases/${other}`)).status).toBe(404);
    expect((await supplier.get('/v1/cases')).body.items.map((c: { id: string }) => c.id)).toEqual([assigned]);
    expect((await supplier.post(`/v1/cases/${assigned}/actions/cancel`, {})).status).toBe(403);
  });
});

describe('staff', () => {
  it('agents read any case and decide reviews; supervisors and admins do everything staff may', async () => {
    const first = (await customerWithCase()).caseId;
    const second = (await customerWithCase()).caseId;
    const agent = api.as({ sub: 'agent-7', role: 'agent', queues: ['returns'] });

    expect((await agent.get(`/v1/cases/${first}`)).status).toBe(200);
    expect((await agent.post(`/v1/cases/${first}/actions/approve`, { note: 'fine' })).body.status).toBe('label_issued');
    expect((await api.as({ sub: 'sup-1', role: 'supervisor' }).post(`/v1/cases/${second}/actions/reject`, { reason: 'worn' })).status).toBe(200);
  });
});
