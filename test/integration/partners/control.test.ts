import { createPaymentsActivities } from '../../../activities/payments';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, simPost, simRecords, startSimulator } from './partnerSupport';

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
