import { createOrderActivities } from '../../../activities/orders';
import { PARTNER_REJECTED, PARTNER_UNAVAILABLE } from '../../../activities/partnerHttp';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, failureOf, placeOrder, simGet, simPost, simRecords, startSimulator } from './partnerSupport';

describe('order adapter against the simulator', () => {
  let sim: Simulator;
  let orders: ReturnType<typeof createOrderActivities>;

  beforeAll(async () => {
    sim = await startSimulator();
    orders = createOrderActivities(adapterConfig(sim));
  });
  afterAll(() => sim.stop());

  const returnOf = (caseId: string, orderId: string, lines: { sku: string; quantity: number }[], idempotencyKey = `${caseId}:order-return`) =>
    orders.recordReturn({ idempotencyKey, caseId, orderId, lines });
  const returnedPerSku = async (orderId: string) =>
    Object.fromEntries((await orders.getOrder({ orderId }))?.lines.map((line) => [line.sku, line.returned]) ?? []);

  it('reads an order as it was sold, with catalogue prices, categories and brands, and null for an unknown order', async () => {
    await placeOrder(sim, {
      id: 'ord-read',
      customerId: 'cust-read',
      channel: 'store',
      storeId: 'store-berlin-mitte',
      purchasedAt: '2025-03-01T10:00:00.000Z',
      lines: [
        { sku: 'SNEAKER-42', quantity: 2 },
        { sku: 'MUG-1', category: 'homeware', quantity: 1, unitPrice: 1_200 },
      ],
    });

    expect(await orders.getOrder({ orderId: 'ord-read' })).toEqual({
      id: 'ord-read',
      customerId: 'cust-read',
      currency: 'EUR',
      purchasedAt: '2025-03-01T10:00:00.000Z',
      // A store sale is handed over at the till.
      deliveredAt: '2025-03-01T10:00:00.000Z',
      channel: 'store',
      storeId: 'store-berlin-mitte',
      lines: [
        { sku: 'SNEAKER-42', category: 'shoes', quantity: 2, unitPrice: 8_900, returned: 0, brand: 'stride' },
        { sku: 'MUG-1', category: 'homeware', quantity: 1, unitPrice: 1_200, returned: 0 },
      ],
    });
    expect(await orders.getOrder({ orderId: 'ord-nobody-placed' })).toBeNull();
  });

  it('reads the seeded orders of the catalogue', async () => {
    const { body } = await simGet(sim, '/sim/customers?limit=1');
    const [customer] = body.customers;

    const order = await orders.getOrder({ orderId: customer.latestOrderId });
    expect(order).toMatchObject({ id: customer.latestOrderId, customerId: customer.id, currency: 'EUR' });
    expect(order?.lines.length).toBeGreaterThan(0);
  });

  it('counts what a return took back, and refuses the whole of a return asking more than is left', async () => {
    await placeOrder(sim, { id: 'ord-ret', lines: [{ sku: 'HOODIE-M', quantity: 2 }, { sku: 'BUDS-2', quantity: 1 }] });
    await returnOf('ord-ret-1', 'ord-ret', [{ sku: 'HOODIE-M', quantity: 1 }]);
    expect(await returnedPerSku('ord-ret')).toEqual({ 'HOODIE-M': 1, 'BUDS-2': 0 });

    const over = await failureOf(
      returnOf('ord-ret-2', 'ord-ret', [
        { sku: 'BUDS-2', quantity: 1 },
        { sku: 'HOODIE-M', quantity: 2 },
      ]),
    );
    expect(over).toMatchObject({
      type: PARTNER_REJECTED,
      nonRetryable: true,
      details: [{ status: 409, body: { error: 'exceeds_remaining', sku: 'HOODIE-M', remaining: 1 } }],
    });
    expect(await returnedPerSku('ord-ret')).toEqual({ 'HOODIE-M': 1, 'BUDS-2': 0 });
    expect((await simRecords(sim, 'ord-ret-2')).orderReturns).toEqual([]);
  });

  it('adds up a SKU named on two lines of one return before checking what is left', async () => {
    await placeOrder(sim, { id: 'ord-split', lines: [{ sku: 'TSHIRT-M', quantity: 2 }] });
    const split = await failureOf(
      returnOf('ord-split-1', 'ord-split', [
        { sku: 'TSHIRT-M', quantity: 2 },
        { sku: 'TSHIRT-M', quantity: 1 },
      ]),
    );
    expect(split.details).toEqual([{ status: 409, body: { error: 'exceeds_remaining', sku: 'TSHIRT-M', remaining: 2 } }]);
  });

  it('refuses a return of an unknown order, or of a SKU the order does not have', async () => {
    await placeOrder(sim, { id: 'ord-other', lines: [{ sku: 'JEANS-32', quantity: 1 }] });

    const unknownOrder = await failureOf(returnOf('ord-unknown', 'ord-nobody-placed', [{ sku: 'JEANS-32', quantity: 1 }]));
    const notOnOrder = await failureOf(returnOf('ord-not-on', 'ord-other', [{ sku: 'PHONE-X', quantity: 1 }]));

    expect(unknownOrder).toMatchObject({ type: PARTNER_REJECTED, details: [{ status: 404, body: { error: 'unknown_order' } }] });
    expect(notOnOrder).toMatchObject({ type: PARTNER_REJECTED, details: [{ status: 409, body: { error: 'not_on_order', sku: 'PHONE-X' } }] });
  });

  it('records a return once however often the same request is retried', async () => {
    await placeOrder(sim, { id: 'ord-twice', lines: [{ sku: 'SNEAKER-43', quantity: 2 }] });
    await returnOf('ord-twice', 'ord-twice', [{ sku: 'SNEAKER-43', quantity: 1 }]);
    await returnOf('ord-twice', 'ord-twice', [{ sku: 'SNEAKER-43', quantity: 1 }]);

    expect(await returnedPerSku('ord-twice')).toEqual({ 'SNEAKER-43': 1 });
    expect((await simRecords(sim, 'ord-twice')).orderReturns).toEqual([
      { caseId: 'ord-twice', returnId: expect.any(String), orderId: 'ord-twice', lines: [{ sku: 'SNEAKER-43', quantity: 1 }], at: expect.any(String) },
    ]);
  });

  it('fails retryably while the order system is down, for reads and returns, and the retry succeeds once', async () => {
    await placeOrder(sim, { id: 'ord-outage', lines: [{ sku: 'HOODIE-L', quantity: 1 }] });
    await simPost(sim, '/sim/faults', { operation: 'orders.get', failTimes: 1 });
    await simPost(sim, '/sim/faults', { operation: 'orders.returns', caseId: 'ord-outage', failTimes: 1 });

    const read = await failureOf(orders.getOrder({ orderId: 'ord-outage' }));
    const recorded = await failureOf(returnOf('ord-outage', 'ord-outage', [{ sku: 'HOODIE-L', quantity: 1 }]));
    expect(read).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });
    expect(read.message).toMatch(/orders getOrder .*503/);
    expect(recorded).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });

    await returnOf('ord-outage', 'ord-outage', [{ sku: 'HOODIE-L', quantity: 1 }]);
    expect(await returnedPerSku('ord-outage')).toEqual({ 'HOODIE-L': 1 });
    expect((await simRecords(sim, 'ord-outage')).orderReturns).toHaveLength(1);
  });

  it('keeps any refusal other than "no such order" a final rejection, not an absent order', async () => {
    await placeOrder(sim, { id: 'ord-forbidden', lines: [{ sku: 'HOODIE-S', quantity: 1 }] });
    await simPost(sim, '/sim/faults', { operation: 'orders.get', failTimes: 1, status: 403 });

    const refused = await failureOf(orders.getOrder({ orderId: 'ord-forbidden' }));
    expect(refused).toMatchObject({ type: PARTNER_REJECTED, nonRetryable: true, details: [{ status: 403 }] });
  });

  it('adds orders only with lines it can price, and never over an existing one', async () => {
    const unpriced = await simPost(sim, '/sim/orders', { lines: [{ sku: 'MYSTERY-1', quantity: 1 }] });
    const twice = await simPost(sim, '/sim/orders', { lines: [{ sku: 'BUDS-2', quantity: 1 }, { sku: 'BUDS-2', quantity: 1 }] });
    await placeOrder(sim, { id: 'ord-taken', lines: [{ sku: 'BUDS-2', quantity: 1 }] });
    const taken = await simPost(sim, '/sim/orders', { id: 'ord-taken', lines: [{ sku: 'TV-55', quantity: 1 }] });

    expect(unpriced).toMatchObject({ status: 400, body: { issues: [{ path: 'lines.0.sku' }] } });
    expect(twice.status).toBe(400);
    expect(taken).toEqual({ status: 409, body: { error: 'order_exists', orderId: 'ord-taken' } });
    expect((await orders.getOrder({ orderId: 'ord-taken' }))?.lines.map((l) => l.sku)).toEqual(['BUDS-2']);
  });
});
