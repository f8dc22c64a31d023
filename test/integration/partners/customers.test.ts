import { createCustomerActivities } from '../../../activities/customers';
import { PARTNER_UNAVAILABLE } from '../../../activities/partnerHttp';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, failureOf, placeOrder, simGet, simPost, startSimulator } from './partnerSupport';

describe('customer adapter against the simulator', () => {
  let sim: Simulator;
  let customers: ReturnType<typeof createCustomerActivities>;

  beforeAll(async () => {
    sim = await startSimulator();
    customers = createCustomerActivities(adapterConfig(sim));
  });
  afterAll(() => sim.stop());

  const firstSeeded = async (language: string) => (await simGet(sim, `/sim/customers?language=${language}&limit=1`)).body.customers[0];

  it('reads seeded profiles in both languages, and null for a customer it does not know', async () => {
    const zh = await customers.getCustomer({ customerId: (await firstSeeded('zh-CN')).id });
    const en = await customers.getCustomer({ customerId: (await firstSeeded('en')).id });

    expect(zh).toMatchObject({ language: 'zh-CN', name: expect.stringMatching(/^\p{Script=Han}+$/u) });
    expect(en).toMatchObject({ language: 'en', name: expect.stringMatching(/^\p{Script=Latin}[\p{Script=Latin}' ]+$/u) });
    expect(await customers.getCustomer({ customerId: 'cust-nobody-knows' })).toBeNull();
  });

  it('lists a customer’s orders newest first, with what each cost', async () => {
    const order = (id: string, purchasedAt: string, channel: string, lines: unknown[]) =>
      placeOrder(sim, { id, customerId: 'cust-history', purchasedAt, channel, lines });
    await order('ord-hist-2', '2025-02-01T09:00:00.000Z', 'web', [{ sku: 'HOODIE-M', quantity: 2 }]);
    await order('ord-hist-3', '2025-05-01T09:00:00.000Z', 'app', [{ sku: 'PHONE-X', quantity: 1 }, { sku: 'BUDS-2', quantity: 1 }]);
    await order('ord-hist-1', '2024-08-01T09:00:00.000Z', 'store', [{ sku: 'SNEAKER-42', quantity: 1 }]);

    expect(await customers.getOrderHistory({ customerId: 'cust-history' })).toEqual([
      { orderId: 'ord-hist-3', purchasedAt: '2025-05-01T09:00:00.000Z', total: 89_900 + 12_900, currency: 'EUR', channel: 'app' },
      { orderId: 'ord-hist-2', purchasedAt: '2025-02-01T09:00:00.000Z', total: 2 * 5_500, currency: 'EUR', channel: 'web' },
      { orderId: 'ord-hist-1', purchasedAt: '2024-08-01T09:00:00.000Z', total: 8_900, currency: 'EUR', channel: 'store' },
    ]);
  });

  it('has no history for a customer it does not know', async () => {
    expect(await customers.getOrderHistory({ customerId: 'cust-nobody-knows' })).toEqual([]);
  });

  it('knows the customer an added order names: with the profile given, a customer since their first purchase', async () => {
    const profile = {
      name: '王芳',
      contact: { email: 'fang.wang@example.com' },
      language: 'zh-CN',
      tags: ['press'],
      consent: { marketing: false, surveys: true },
      advisorId: 'agent-chen',
    };
    await placeOrder(sim, { customerId: 'cust-new', customer: profile, purchasedAt: '2025-04-01T08:00:00.000Z', lines: [{ sku: 'BOOT-38', quantity: 1 }] });
    await placeOrder(sim, { customerId: 'cust-new', purchasedAt: '2025-01-15T08:00:00.000Z', lines: [{ sku: 'SCARF-1', quantity: 1 }] });

    expect(await customers.getCustomer({ customerId: 'cust-new' })).toEqual({
      id: 'cust-new',
      ...profile,
      customerSince: '2025-01-15T08:00:00.000Z',
    });
  });

  it('fails retryably while the customer system is down, and answers again after', async () => {
    const { id } = await firstSeeded('en');
    await simPost(sim, '/sim/faults', { operation: 'customers.get', failTimes: 1 });
    await simPost(sim, '/sim/faults', { operation: 'customers.orders', failTimes: 1, status: 502 });

    const profile = await failureOf(customers.getCustomer({ customerId: id }));
    const history = await failureOf(customers.getOrderHistory({ customerId: id }));
    expect(profile).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });
    expect(history).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });
    expect(history.message).toMatch(/customers getOrderHistory .*502/);

    expect(await customers.getCustomer({ customerId: id })).toMatchObject({ id });
    expect((await customers.getOrderHistory({ customerId: id })).length).toBeGreaterThan(0);
  });

  it('lists seeded customers to pick from, with their order count, spend and latest order', async () => {
    const { status, body } = await simGet(sim, '/sim/customers?limit=5');
    expect(status).toBe(200);
    expect(body.customers).toHaveLength(5);

    for (const listed of body.customers) {
      const history = await customers.getOrderHistory({ customerId: listed.id });
      expect(listed).toMatchObject({
        orders: history.length,
        spend: { EUR: history.reduce((sum, o) => sum + o.total, 0) },
        latestOrderId: history[0]?.orderId,
        latestPurchaseAt: history[0]?.purchasedAt,
      });
    }
  });

  it('lists only the customers with a tag when asked', async () => {
    const { body } = await simGet(sim, '/sim/customers?tag=wholesale&limit=1000');
    expect(body.customers.length).toBeGreaterThan(0);
    expect(body.customers.every((c: { tags: string[] }) => c.tags.includes('wholesale'))).toBe(true);
  });
});
