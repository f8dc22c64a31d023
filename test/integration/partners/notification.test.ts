import { createCustomerActivities } from '../../../activities/customers';
import { createNotificationActivities } from '../../../activities/notification';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, placeOrder, simRecords, startSimulator } from './partnerSupport';

describe('notification adapter against the simulator', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());

  it("looks the customer's address up in the customer system, and sends only email and phone, in their language", async () => {
    await placeOrder(sim, {
      customerId: 'cust-7',
      customer: { name: '王芳', contact: { email: 'wang.fang@example.com', phone: '+86 21 5550 0123' }, language: 'zh-CN' },
      lines: [{ sku: 'PHONE-X', quantity: 1 }],
    });
    const notifications = createNotificationActivities(adapterConfig(sim), createCustomerActivities(adapterConfig(sim)));
    const { messageId } = await notifications.notifyCustomer({
      idempotencyKey: 'note-1:refund_issued',
      caseId: 'note-1',
      customer: { id: 'cust-7', language: 'zh-CN' },
      template: 'refund_issued',
      data: { amount: 4_990, currency: 'EUR' },
    });

    const { notifications: sent } = await simRecords(sim, 'note-1');
    expect(sent).toEqual([
      {
        messageId,
        caseId: 'note-1',
        customerId: 'cust-7',
        to: { email: 'wang.fang@example.com', phone: '+86 21 5550 0123' },
        language: 'zh-CN',
        template: 'refund_issued',
        data: { amount: 4_990, currency: 'EUR' },
        at: expect.any(String),
      },
    ]);
  });

  it('uses the contact a case opened before the customer system carries, without asking for it', async () => {
    const notifications = createNotificationActivities(adapterConfig(sim), createCustomerActivities(adapterConfig(sim)));
    await notifications.notifyCustomer({
      idempotencyKey: 'note-3:refund_issued',
      caseId: 'note-3',
      customer: { id: 'cust-from-before', contact: { email: 'ada@example.com' } },
      template: 'refund_issued',
      data: {},
    });

    const { notifications: sent } = await simRecords(sim, 'note-3');
    expect(sent).toEqual([expect.objectContaining({ to: { email: 'ada@example.com' }, language: 'en' })]);
  });

  it("sends a party message to a supplier's desk once, however often it is retried", async () => {
    const notifications = createNotificationActivities(adapterConfig(sim), createCustomerActivities(adapterConfig(sim)));
    const message = {
      idempotencyKey: 'note-2:supplier_step_breached',
      caseId: 'note-2',
      audience: 'supplier' as const,
      recipientId: 'acme-repairs',
      template: 'supplier_step_breached' as const,
      data: { step: 'diagnosed' },
    };
    const first = await notifications.notifyParty(message);
    const retried = await notifications.notifyParty(message);

    expect(retried).toEqual(first);
    expect((await simRecords(sim, 'note-2')).partyMessages).toEqual([
      {
        messageId: first.messageId,
        caseId: 'note-2',
        audience: 'supplier',
        recipientId: 'acme-repairs',
        template: 'supplier_step_breached',
        data: { step: 'diagnosed' },
        at: expect.any(String),
      },
    ]);
  });
});
