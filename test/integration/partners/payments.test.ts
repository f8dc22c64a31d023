import { createPaymentsActivities } from '../../../activities/payments';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, failureOf, simPost, simRecords, startSimulator } from './partnerSupport';

describe('payments adapter against the simulator', () => {
  let sim: Simulator;
  let payments: ReturnType<typeof createPaymentsActivities>;

  beforeAll(async () => {
    sim = await startSimulator();
    payments = createPaymentsActivities(adapterConfig(sim));
  });
  afterAll(() => sim.stop());

  const refund = (caseId: string, idempotencyKey: string) =>
    payments.issueRefund({ idempotencyKey, caseId, orderId: 'ORD-1', amount: 4_990, currency: 'EUR' });

  it('issues a refund the payment provider records', async () => {
    const { refundId } = await refund('pay-happy', 'pay-happy:refund');
    const { refunds } = await simRecords(sim, 'pay-happy');
    expect(refunds).toEqual([expect.objectContaining({ refundId, orderId: 'ORD-1', amount: 4_990, currency: 'EUR' })]);
  });

  it('refunds exactly once when the same idempotency key is sent twice', async () => {
    const first = await refund('pay-twice', 'pay-twice:refund');
    const second = await refund('pay-twice', 'pay-twice:refund');
    expect(second).toEqual(first);
    expect((await simRecords(sim, 'pay-twice')).refunds).toHaveLength(1);
  });

  it('treats a new idempotency key as a new refund', async () => {
    await refund('pay-two-keys', 'pay-two-keys:refund:1');
    await refund('pay-two-keys', 'pay-two-keys:refund:2');
    expect((await simRecords(sim, 'pay-two-keys')).refunds).toHaveLength(2);
  });

  it('fails retryably while the provider is down, and the retry refunds once', async () => {
    const armed = await simPost(sim, '/sim/faults', { operation: 'payments.refund', failTimes: 1 });
    expect(armed.status).toBe(200);

    const failure = await failureOf(refund('pay-outage', 'pay-outage:refund'));
    expect(failure).toMatchObject({ type: 'PartnerUnavailable', nonRetryable: false });
    expect(failure.message).toMatch(/payments issueRefund .*503/);
    expect((await simRecords(sim, 'pay-outage')).refunds).toHaveLength(0);

    await refund('pay-outage', 'pay-outage:refund');
    expect((await simRecords(sim, 'pay-outage')).refunds).toHaveLength(1);
  });

  it('fails retryably when the provider records the refund but its answer is lost, and the retry is answered with that refund', async () => {
    await simPost(sim, '/sim/faults', { operation: 'payments.refund', caseId: 'pay-lost', failTimes: 1, when: 'after_recording' });

    const failure = await failureOf(refund('pay-lost', 'pay-lost:refund'));
    expect(failure).toMatchObject({ type: 'PartnerUnavailable', nonRetryable: false });
    const [recorded] = (await simRecords(sim, 'pay-lost')).refunds;
    expect(recorded).toBeDefined();

    expect(await refund('pay-lost', 'pay-lost:refund')).toEqual({ refundId: recorded!.refundId });
    expect((await simRecords(sim, 'pay-lost')).refunds).toHaveLength(1);
  });

  it('gives up on an answer slower than its timeout, though the provider has refunded, and the retry finds that refund', async () => {
    const { timeoutMs } = adapterConfig(sim);
    await simPost(sim, '/sim/faults', { operation: 'payments.refund', caseId: 'pay-slow', failTimes: 1, when: 'after_recording', delayMs: timeoutMs + 1_000 });

    const failure = await failureOf(refund('pay-slow', 'pay-slow:refund'));
    expect(failure).toMatchObject({ type: 'PartnerUnavailable', nonRetryable: false });
    expect(failure.message).toMatch(/timed out/);

    await refund('pay-slow', 'pay-slow:refund');
    expect((await simRecords(sim, 'pay-slow')).refunds).toHaveLength(1);
  });

  it('charges the customer for an exchange price difference', async () => {
    const { chargeId } = await payments.chargeCustomer({
      idempotencyKey: 'pay-charge:charge',
      caseId: 'pay-charge',
      orderId: 'ORD-2',
      customerId: 'cust-9',
      amount: 1_500,
      currency: 'EUR',
    });
    const { charges } = await simRecords(sim, 'pay-charge');
    expect(charges).toEqual([expect.objectContaining({ chargeId, customerId: 'cust-9', amount: 1_500 })]);
  });
});
