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
});
