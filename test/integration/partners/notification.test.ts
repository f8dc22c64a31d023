import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import { tokenSettings } from '../../../api/auth/tokens';
import { createCustomerActivities } from '../../../activities/customers';
import { createNotificationActivities } from '../../../activities/notification';
import { linkingCustomerMessages } from '../../../activities/trackingLinks';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, placeOrder, simPost, simRecords, startSimulator } from './partnerSupport';

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
        subject: '您的退款 €49.90 已原路退回',
        text: expect.stringContaining('我们已将 €49.90 按原支付方式退还给您。'),
        at: expect.any(String),
      },
    ]);
  });

  it("delivers the words in the customer's language, with the link to their case, and keeps no personal data of theirs in them", async () => {
    await placeOrder(sim, {
      customerId: 'cust-8',
      customer: { name: '李娜', contact: { email: 'li.na@example.com' }, language: 'zh-CN' },
      lines: [{ sku: 'PHONE-X', quantity: 1 }],
    });
    const gateway = createNotificationActivities(adapterConfig(sim), createCustomerActivities(adapterConfig(sim)));
    const links = {
      tokens: tokenSettings({ AUTH_JWT_ISSUER: 'after-sales-orchestrator', AUTH_JWT_AUDIENCE: 'after-sales-api' }, 'notification-test-secret-of-32-characters'),
      baseUrl: () => 'https://shop.example/',
      ttl: '30 days',
    };
    await linkingCustomerMessages(gateway, links).notifyCustomer({
      idempotencyKey: 'case_0000000000000000000000004a:installation_booked',
      caseId: 'case_0000000000000000000000004a',
      customer: { id: 'cust-8', language: 'zh-CN' },
      template: 'installation_booked',
      data: { start: '2026-12-03T08:00:00.000Z', end: '2026-12-03T10:00:00.000Z', sku: 'SOFA-3' },
    });

    const [sent] = (await simRecords(sim, 'case_0000000000000000000000004a')).notifications;
    expect(sent?.language).toBe('zh-CN');
    expect(sent?.subject).toBe('您的安装已预约：2026年12月3日（周四）');
    expect(sent?.text).toContain('安装师傅将于2026年12月3日（周四）16:00–18:00（北京时间）上门为您安装商品（SOFA-3）。');
    expect(sent?.text).toContain(`您可以随时通过以下链接查看处理进度：https://shop.example/track/case_0000000000000000000000004a#t=`);
    for (const personal of ['李娜', 'li.na@example.com']) expect(`${sent?.subject}${sent?.text}`).not.toContain(personal);
  });

  it('warns of a sentence left out for want of data by template, language and placeholder only, never by its words', async () => {
    const logged: LogEntry[] = [];
    const env = new MockActivityEnvironment({}, { logger: new DefaultLogger('WARN', (entry) => logged.push(entry)) });
    const gateway = createNotificationActivities(adapterConfig(sim), createCustomerActivities(adapterConfig(sim)));
    await env.run(() =>
      gateway.notifyCustomer({
        idempotencyKey: 'note-6:refund_issued',
        caseId: 'note-6',
        customer: { id: 'cust-7', language: 'zh-CN', contact: { email: 'wang.fang@example.com' } },
        template: 'refund_issued',
        data: { currency: 'EUR', note: 'refund for Wang Fang' },
      }),
    );

    const [sent] = (await simRecords(sim, 'note-6')).notifications;
    expect(sent?.subject).toBe('您的退款已原路退回');
    expect(sent?.text).not.toContain('我们已将');
    expect(logged).toEqual([
      expect.objectContaining({ level: 'WARN', meta: expect.objectContaining({ template: 'refund_issued', language: 'zh-CN', missing: ['amount'] }) }),
    ]);
    const line = JSON.stringify(logged.map(({ message, meta }) => ({ message, meta })));
    for (const words of [sent!.subject!, '退款', 'wang.fang@example.com', 'Wang Fang']) expect(line).not.toContain(words);
  });

  it('still accepts a message from a sender that sends only the template, and refuses words without a subject', async () => {
    const message = { caseId: 'note-5', customerId: 'cust-7', to: {}, language: 'en', template: 'parcel_received', data: {} };
    const older = await simPost(sim, '/notifications/messages', message);
    const halfWritten = await simPost(sim, '/notifications/messages', { ...message, text: 'Hello' });

    expect(older.status).toBe(202);
    expect(halfWritten.status).toBe(400);
    expect((await simRecords(sim, 'note-5')).notifications).toEqual([expect.not.objectContaining({ text: expect.anything() })]);
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
        subject: 'Overdue: a repair step | 已超时：维修步骤',
        text: expect.stringContaining('———'),
        at: expect.any(String),
      },
    ]);
  });
});
