import type { Principal } from '../../api/auth/tokens';
import { complaintRequest, repairRequest, returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-customers');
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

/** A loyal customer with a return and a complaint open from two channels; their id and case ids. */
async function customerWithCases() {
  const first = returnRequest({ channel: 'app' }, { segment: 'loyal', language: 'zh-CN' });
  const returnId = await api.openCase(first);
  const complaintId = await api.openCase(complaintRequest({ customer: first.customer, channel: 'phone' }));
  return { customerId: first.customer.id, returnId, complaintId };
}

describe('GET /v1/customers/:id', () => {
  it('shows a supervisor the whole customer: contact, segment and tags, every case from every channel, the last 90 days, the orders', async () => {
    const { customerId, returnId, complaintId } = await customerWithCases();

    const res = await api.as({ sub: 'sup-1', role: 'supervisor' }).get(`/v1/customers/${customerId}`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: customerId,
      contact: { email: expect.stringMatching(/^shopper-.+@example\.com$/), phone: '+49 30 5550123' },
      language: 'zh-CN',
      segment: 'loyal',
      advisorId: null,
      last90Days: { cases: { returns: 1, complaints: 1, repairs: 0 }, orders: 5 },
      orders: { count: 5, channels: ['web'] },
    });
    expect(res.body.tags).toEqual(expect.arrayContaining([expect.stringMatching(/^rfm:R\dF\dM\d$/)]));
    expect(res.body.last90Days.returnRate).toBeCloseTo(1 / 5);
    expect(res.body.cases.map((c: { id: string; channel: string }) => [c.id, c.channel])).toEqual(
      expect.arrayContaining([
        [returnId, 'app'],
        [complaintId, 'phone'],
      ]),
    );
  });

  it('shows the customer their own view without internal figures', async () => {
    const { customerId } = await customerWithCases();

    const res = await api.as({ sub: customerId, role: 'customer' }).get(`/v1/customers/${customerId}`);

    expect(res.status).toBe(200);
    expect(res.body.contact.email).toMatch(/^shopper-/);
    expect(res.body).not.toHaveProperty('segment');
    expect(res.body).not.toHaveProperty('tags');
    expect(res.body.cases).toHaveLength(2);
  });

  it("masks the contact for an agent whose queues hold one of the customer's cases", async () => {
    const { customerId } = await customerWithCases();

    const res = await api.as({ sub: 'agent-r', role: 'agent', queues: ['returns'] }).get(`/v1/customers/${customerId}`);

    expect(res.status).toBe(200);
    expect(res.body.contact).toEqual({ email: expect.stringMatching(/^s•••@example\.com$/), phone: '•••••23' });
    expect(res.body.segment).toBe('loyal');
  });

  it('answers 404, as for a customer who does not exist, to an agent without their cases, another customer and a partner', async () => {
    const { customerId } = await customerWithCases();
    const unknown = await api.as({ sub: 'sup-1', role: 'supervisor' }).get('/v1/customers/cust-nobody');
    const readers: Principal[] = [
      { sub: 'agent-q', role: 'agent', queues: ['repairs'] },
      { sub: 'someone-else', role: 'customer' },
    ];

    for (const reader of readers) {
      const res = await api.as(reader).get(`/v1/customers/${customerId}`);
      expect(res.status).toBe(404);
      expect(res.body.type).toBe(problemType('customer-not-found'));
    }
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe(problemType('customer-not-found'));
    expect((await api.as({ sub: 'acme-repairs', role: 'supplier' }).get(`/v1/customers/${customerId}`)).status).toBe(403);
  });

  it("keeps the segment a case pinned and the builds that ran it from the customer's own reading of their cases", async () => {
    const { customerId, returnId } = await customerWithCases();
    const customer = api.as({ sub: customerId, role: 'customer' });

    const one = await customer.get(`/v1/cases/${returnId}`);
    const list = await customer.get(`/v1/cases?customerId=${customerId}`);
    const view = await customer.get(`/v1/customers/${customerId}`);
    const staff = await api.as({ sub: 'sup-1', role: 'supervisor' }).get(`/v1/cases/${returnId}`);

    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty('customerSegment');
    expect(one.body).not.toHaveProperty('buildIds');
    expect(list.body.items).toHaveLength(2);
    for (const record of [...list.body.items, ...view.body.cases]) {
      expect(record).not.toHaveProperty('customerSegment');
      expect(record).not.toHaveProperty('buildIds');
    }
    expect(staff.body.customerSegment).toBe('loyal');
    // The API's stand-in workers are unversioned: no build ran it (docs/versioning.md).
    expect(staff.body.buildIds).toEqual([]);
  });

  it('is what GET /v1/cases/:id links to', async () => {
    const caseId = await api.openCase(repairRequest());
    const record = await api.get(`/v1/cases/${caseId}`);

    const customer = await api.get(record.body.links.customer);
    expect(customer.status).toBe(200);
    expect(customer.body.cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
  });
});
