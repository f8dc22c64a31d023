import { createNotificationActivities } from '../../../activities/notification';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, simRecords, startSimulator } from './partnerSupport';

describe('notification adapter against the simulator', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());

  it("sends the template to the customer's email and phone, and nothing else of the contact", async () => {
    const notifications = createNotificationActivities(adapterConfig(sim));
    const { messageId } = await notifications.notifyCustomer({
      idempotencyKey: 'note-1:refund_issued',
      caseId: 'note-1',
      customer: {
        id: 'cust-7',
        contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
      },
      template: 'refund_issued',
      data: { amount: 4_990, currency: 'EUR' },
    });

    const { notifications: sent } = await simRecords(sim, 'note-1');
    expect(sent).toEqual([
      {
        messageId,
        caseId: 'note-1',
        customerId: 'cust-7',
        to: { email: 'ada@example.com', phone: '+44 20 7946 0000' },
        template: 'refund_issued',
        data: { amount: 4_990, currency: 'EUR' },
        at: expect.any(String),
      },
    ]);
  });

  it("sends a party message to a supplier's desk once, however often it is retried", async () => {
    const notifications = createNotificationActivities(adapterConfig(sim));
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
