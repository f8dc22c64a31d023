import { createCustomerActivities } from '../../../activities/customers';
import { createOrderActivities } from '../../../activities/orders';
import { createPaymentsActivities } from '../../../activities/payments';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, placeOrder, simGet, simPost, simRecords, startSimulator } from './partnerSupport';

describe('simulator control endpoints', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());

  it('forgets records and idempotency keys on reset', async () => {
    const payments = createPaymentsActivities(adapterConfig(sim));
    const refund = () =>
      payments.issueRefund({
        idempotencyKey: 'ctl:refund',
        caseId: 'ctl',
        orderId: 'ORD-1',
        amount: 100,
        currency: 'EUR',
      });
    const before = await refund();

    const reset = await fetch(`${sim.url}/sim/records`, { method: 'DELETE' });
    expect(reset.status).toBe(204);
    expect((await simRecords(sim, 'ctl')).refunds).toEqual([]);

    const after = await refund();
    expect(after.refundId).not.toBe(before.refundId);
    expect((await simRecords(sim, 'ctl')).refunds).toHaveLength(1);
  });

  it('keeps the seeded catalogue on reset, and forgets the orders, customers and returns added since', async () => {
    const orders = createOrderActivities(adapterConfig(sim));
    const customers = createCustomerActivities(adapterConfig(sim));
    const [seeded] = (await simGet(sim, '/sim/customers?limit=1')).body.customers;
    const seededProfile = await customers.getCustomer({ customerId: seeded.id });
    const seededOrder = await orders.getOrder({ orderId: seeded.latestOrderId });
    const line = seededOrder?.lines.find((l) => l.returned < l.quantity);
    if (!seededOrder || !line) throw new Error('expected a seeded order with a line left to return');
    await orders.recordReturn({
      idempotencyKey: 'ctl-catalogue:order-return',
      caseId: 'ctl-catalogue',
      orderId: seededOrder.id,
      lines: [{ sku: line.sku, quantity: 1 }],
    });
    await placeOrder(sim, { id: 'ord-ctl', customerId: 'cust-ctl', lines: [{ sku: 'HOODIE-M', quantity: 1 }] });
    await placeOrder(sim, { id: 'ord-ctl-seeded', customerId: seeded.id, customer: { name: 'Renamed' }, lines: [{ sku: 'KETTLE-1', quantity: 1 }] });

    await fetch(`${sim.url}/sim/records`, { method: 'DELETE' });

    expect(await orders.getOrder({ orderId: seededOrder.id })).toEqual(seededOrder);
    expect(await customers.getCustomer({ customerId: seeded.id })).toEqual(seededProfile);
    expect(await orders.getOrder({ orderId: 'ord-ctl' })).toBeNull();
    expect(await orders.getOrder({ orderId: 'ord-ctl-seeded' })).toBeNull();
    expect(await customers.getCustomer({ customerId: 'cust-ctl' })).toBeNull();
    expect((await simRecords(sim, 'ctl-catalogue')).orderReturns).toEqual([]);
  });

  it('starts with no orders or customers when asked for a blank catalogue', async () => {
    const blank = await startSimulator({ catalogue: false });
    try {
      expect((await simGet(blank, '/sim/customers?limit=1000')).body).toEqual({ customers: [] });
    } finally {
      await blank.stop();
    }
  });

  it('refuses a fault that is not a partner error (4xx or 5xx) or for an unknown operation', async () => {
    const notAnError = await simPost(sim, '/sim/faults', { operation: 'payments.refund', failTimes: 1, status: 302 });
    expect(notAnError.status).toBe(400);
    const unknown = await simPost(sim, '/sim/faults', { operation: 'payments.teleport', failTimes: 1 });
    expect(unknown.status).toBe(400);
  });

  it('answers malformed partner requests with a JSON 400', async () => {
    const res = await fetch(`${sim.url}/payments/refunds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"caseId":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: expect.any(String) });
  });
});
