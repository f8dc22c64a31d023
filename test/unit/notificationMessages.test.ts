import { renderMessage, renderPartyMessage } from '../../activities/messages';
import { customerMessages } from '../../activities/messages/customerMessages';
import { partyMessages } from '../../activities/messages/partyMessages';
import { alternativesOf, languages, type MessageWording, placeholdersOf, sentencesOf } from '../../activities/messages/render';
import type { NotificationTemplate, PartyTemplate } from '../../activities/types';

/**
 * The words of every message (activities/messages, docs/notifications.md): each template in both
 * languages, the same placeholders in each, every one filled from the data the workflows send with
 * it, a sentence left out (and reported) rather than written with a hole, dates and money as a
 * reader of the language writes them.
 */

type Samples<T extends string> = Record<T, Record<string, unknown>[]>;

const trackUrl = 'https://shop.example/track/case_1#t=token&lang=zh-CN';
const slot = { start: '2026-12-03T08:00:00.000Z', end: '2026-12-03T10:00:00.000Z' };

/**
 * What each workflow sends with each template (grep `notifyCustomer(` / `notify(` in workflows/),
 * with the link the notification activity adds. A template without samples fails the typecheck.
 */
const sentToCustomers = {
  case_received: [{ type: 'return' }, { type: 'exchange' }],
  case_under_review: [{}],
  case_rejected: [
    { reason: 'the standard return window of 30 days has passed' },
    { reason: 'items in condition "damaged" cannot be returned' },
    { reason: 'the returned item failed inspection' },
    { reason: 'Receipt shows a different store' },
    { reason: undefined },
  ],
  return_label: [{ labelUrl: 'https://labels.example/lbl_1.pdf', trackingNumber: 'TRK123456' }],
  parcel_received: [{}],
  refund_issued: [{ amount: 4_990, currency: 'EUR' }],
  replacement_shipped: [{ trackingNumbers: ['TRK1', 'TRK2'] }],
  case_cancelled: [{ reason: 'the parcel was not handed to the carrier in time' }, { reason: '不想要了' }, {}],
  survey_request: [{}],
  feedback_request: [{ caseType: 'repair', closesAt: '2026-12-10T08:00:00.000Z' }],
  feedback_reminder: [{ caseType: 'installation', closesAt: '2026-12-10T08:00:00.000Z' }],
  troubleshooting_guide: [
    { title: 'Phone does not charge', body: 'Clean the port and try another cable.', articleId: 'kb-12', version: 3, locale: 'en' },
    { title: 'Reset the router', url: 'https://help.example/reset' },
  ],
  repair_ordered: [{ supplierId: 'acme-repairs' }],
  visit_booked: [slot, { ...slot, rescheduled: true }],
  repair_quote: [{ amount: 12_900, currency: 'EUR' }],
  repair_shipped_back: [{ trackingNumber: 'TRK-BACK-1' }],
  complaint_received: [{ category: 'delivery' }, { category: 'general' }],
  complaint_acknowledged: [{}],
  information_requested: [{ question: 'Which colour was the item you received?' }],
  solution_proposed: [{ solution: 'We will send a replacement and a voucher of 10 EUR.' }],
  suggestion_acknowledged: [{ topic: 'delivery' }, { topic: 'general' }],
  suggestion_answered: [{ answer: 'Thank you, we will offer plastic-free packaging from March.' }],
  inquiry_order_status: [
    {
      orderId: 'ord-101633',
      purchasedAt: '2026-11-20T10:00:00.000Z',
      status: 'delivered',
      deliveredAt: '2026-11-23T10:00:00.000Z',
      items: [{ sku: 'JEANS-32', quantity: 1 }, { sku: 'KETTLE-1', quantity: 2 }],
    },
    { orderId: 'ord-101634', purchasedAt: '2026-11-30T10:00:00.000Z', status: 'on_its_way', deliveredAt: null, items: [{ sku: 'PHONE-X', quantity: 1 }] },
  ],
  inquiry_answered_automatically: [{ articleId: 'kb-7', version: 2, title: '如何申请退货', body: '在订单页面点击“申请退货”。' }],
  inquiry_handed_over: [{ withinMs: 3_600_000 }, {}],
  inquiry_answered: [{ answer: 'Your parcel left our warehouse today.' }],
  inquiry_converted: [{ caseId: 'case_0c2e4a6c', type: 'return' }],
  installation_offered: [{ sku: 'SOFA-3', orderId: 'ord-200001', until: '2026-12-05T08:00:00.000Z' }],
  installation_booked: [{ ...slot, sku: 'SOFA-3' }, { ...slot, sku: 'SOFA-3', rescheduled: true }],
  installation_completed: [{ sku: 'SOFA-3' }],
  installation_defect_found: [{ defect: 'The side panel is cracked.', sku: 'SOFA-3', remedies: ['return', 'exchange', 'repair'] }],
} satisfies Samples<NotificationTemplate>;

/** What each workflow sends to staff, with the case id the notification activity adds. */
const sentToStaff = {
  supplier_step_reminder: [{ caseId: 'case_1', supplierId: 'acme-repairs', awaiting: 'diagnosed', dueAt: '2026-12-03T08:00:00.000Z' }],
  supplier_step_breached: [{ caseId: 'case_1', supplierId: 'acme-repairs', awaiting: 'received', dueAt: '2026-12-03T08:00:00.000Z' }],
  escalation_raised: [{ caseId: 'case_1', reason: 'solution target missed', escalationId: 'esc-1', level: 'team_lead' }],
  major_incident: [{ caseId: 'case_1', reason: 'major incident', escalationId: 'esc-2', level: 'head_of_service' }],
  sla_warning: [{ caseId: 'case_1', clock: 'first_response' }],
  sla_breached: [{ caseId: 'case_1', clock: 'review' }, { caseId: 'case_1', clock: 'visit_report' }],
  complaint_assigned: [{ caseId: 'case_1', category: 'billing', severity: 'major' }],
  advisor_customer_complaint: [
    { caseId: 'case_1', assignee: 'agent-ana', category: 'service', severity: 'normal' },
    { caseId: 'case_1', assignee: null, category: 'general', severity: 'minor' },
  ],
  feedback_low_rating: [{ caseId: 'case_1', csat: 2, nps: 3, reasons: ['too_slow', 'money'], caseType: 'return', dueAt: '2026-12-03T08:00:00.000Z' }],
  partner_flagged: [
    {
      kind: 'supplier',
      id: 'acme-repairs',
      flagDay: '2026-12-02',
      reasons: [{ code: 'steps_late', text: { en: '80 % of steps within 48 hours (at least 90 %)', 'zh-CN': '80 % 的步骤在 48 小时内完成（至少 90 %）' } }],
      scorecard: '/v1/partners/supplier/acme-repairs',
    },
  ],
} satisfies Samples<PartyTemplate>;

const catalogues: [string, Record<string, MessageWording>][] = [
  ['customer', customerMessages],
  ['staff', partyMessages],
];

/** What a message must never show: a hole where a value should be. */
function expectNoHoles(written: string): void {
  expect(written).not.toMatch(/[{}]/);
  expect(written).not.toMatch(/undefined|null|NaN|\[object/);
}

describe.each(catalogues)('the %s catalogue', (_, catalogue) => {
  it.each(Object.keys(catalogue))('%s has a subject and a body in English and Chinese, with the same placeholders', (template) => {
    const wording = catalogue[template]!;
    for (const language of languages) {
      const text = wording[language];
      expect(alternativesOf(text.subject).some((s) => s.trim() !== '')).toBe(true);
      expect(text.body.flatMap(alternativesOf).some((s) => s.trim() !== '')).toBe(true);
    }
    const placeholders = (language: (typeof languages)[number]) => [...new Set(sentencesOf(wording[language]).flatMap(placeholdersOf))].sort();
    expect(placeholders('zh-CN')).toEqual(placeholders('en'));
  });

  it('writes Chinese in Chinese and English without Chinese characters', () => {
    for (const wording of Object.values(catalogue)) {
      for (const sentence of sentencesOf(wording.en)) expect(sentence).not.toMatch(/\p{Script=Han}/u);
      expect(sentencesOf(wording['zh-CN']).join('')).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe.each(Object.entries(sentToCustomers).flatMap(([template, samples]) => samples.map((data, i) => [template, i, data] as const)))(
  'a customer message %s (sample %i), as the workflow sends it',
  (template, _, data) => {
    it.each(languages)('is written in full in %s, with the link', (language) => {
      const message = renderMessage(template as NotificationTemplate, language, { ...data, trackUrl });

      expectNoHoles(message.subject);
      expectNoHoles(message.text.replace(trackUrl, ''));
      expect(message.missing).toEqual([]);
      expect(message.language).toBe(language);
      expect(message.text).toContain(trackUrl);
      expect(message.text.startsWith(language === 'zh-CN' ? '您好！' : 'Hello,')).toBe(true);
    });
  },
);

describe.each(Object.entries(sentToStaff).flatMap(([template, samples]) => samples.map((data, i) => [template, i, data] as const)))(
  'a staff message %s (sample %i), as the workflow sends it',
  (template, _, data) => {
    it('is written in full in English, then Chinese', () => {
      const message = renderPartyMessage(template as PartyTemplate, data);

      expectNoHoles(message.subject);
      expectNoHoles(message.text);
      expect(message.missing).toEqual([]);
      const [en, zh] = message.text.split('———');
      expect(en).not.toMatch(/\p{Script=Han}/u);
      expect(zh).toMatch(/\p{Script=Han}/u);
    });
  },
);

describe('values in the reader’s language', () => {
  it('writes dates as a Chinese reader does, in Beijing time, and as an English reader does, in the service’s zone', () => {
    const data = { caseType: 'return', closesAt: '2026-12-03T01:00:00.000Z' };

    expect(renderMessage('feedback_request', 'zh-CN', data).text).toContain('评价通道将于2026年12月3日 09:00（北京时间）关闭。');
    expect(renderMessage('feedback_request', 'en', data).text).toContain('The survey is open until 3 December 2026 at 02:00 CET.');
  });

  it('writes a visit as one day with its hours, and says when it moved', () => {
    const moved = { ...slot, rescheduled: true };

    expect(renderMessage('visit_booked', 'zh-CN', slot).text).toContain('技术人员将于2026年12月3日（周四）16:00–18:00（北京时间）上门为您服务。');
    expect(renderMessage('visit_booked', 'en', slot).subject).toBe('Your technician visit is booked for Thursday, 3 December 2026');
    expect(renderMessage('visit_booked', 'en', moved).text).toContain('The new appointment is Thursday, 3 December 2026, 09:00–11:00 CET.');
    expect(renderMessage('visit_booked', 'zh-CN', moved).subject).toBe('您的上门服务已改约至2026年12月3日（周四）');
  });

  it('writes money from minor units with its currency', () => {
    expect(renderMessage('refund_issued', 'en', { amount: 4_990, currency: 'EUR' }).subject).toBe('Your refund of €49.90 is on its way');
    expect(renderMessage('refund_issued', 'zh-CN', { amount: 12_900, currency: 'CNY' }).text).toContain('我们已将 ¥129.00 按原支付方式退还给您。');
    expect(renderMessage('repair_quote', 'en', { amount: 1_500, currency: 'JPY' }).text).toContain('it would cost JP¥1,500.');
  });

  it('puts the reasons the workflows write in Chinese, and shows a person’s own reason as written', () => {
    const refused = renderMessage('case_rejected', 'zh-CN', { reason: 'the standard return window of 30 days has passed' });
    const reviewed = renderMessage('case_rejected', 'zh-CN', { reason: 'Receipt shows a different store' });
    const cancelled = renderMessage('case_cancelled', 'en', { reason: 'the parcel was not handed to the carrier in time' });

    expect(refused.text).toContain('原因：已超过 30 天的退货期限');
    expect(reviewed.text).toContain('原因：Receipt shows a different store');
    expect(cancelled.text).toContain('Reason: the parcel was not handed to the carrier in time');
  });

  it('names a code it has a word for, and writes the sentence without it when it has none', () => {
    expect(renderMessage('complaint_received', 'zh-CN', { category: 'delivery' }).text).toContain('我们已收到您关于配送问题的投诉');
    const general = renderMessage('complaint_received', 'en', { category: 'general' });
    expect(general.text).toContain('We have received your complaint and passed it');
    expect(general.missing).toEqual([]);
  });
});

describe('data a workflow did not send', () => {
  it('leaves the sentence out, never writes a hole, and reports what was missing', () => {
    for (const language of languages) {
      const refund = renderMessage('refund_issued', language, {});

      expectNoHoles(`${refund.subject}\n${refund.text}`);
      expect(refund.subject).toBe(language === 'en' ? 'Your refund is on its way' : '您的退款已原路退回');
      expect(refund.text).not.toContain(language === 'en' ? 'We have refunded' : '我们已将');
      expect(refund.missing).toEqual(['amount']);
    }
  });

  it('writes every template without any data and without a hole', () => {
    for (const template of Object.keys(customerMessages) as NotificationTemplate[]) {
      for (const language of languages) {
        const message = renderMessage(template, language, {});
        expectNoHoles(`${message.subject}\n${message.text}`);
        expect(message.subject).not.toBe('');
      }
    }
    for (const template of Object.keys(partyMessages) as PartyTemplate[]) {
      const message = renderPartyMessage(template, { reasons: 'not a list', csat: null, dueAt: 'not a date', amount: {} });
      expectNoHoles(`${message.subject}\n${message.text}`);
    }
  });

  it('writes no link line without a link', () => {
    const message = renderMessage('parcel_received', 'en', {});
    expect(message.text).not.toContain('follow your case');
    expect(message.missing).toEqual([]);
  });

  it('takes a value’s own braces as text, not as a placeholder', () => {
    const message = renderMessage('inquiry_answered', 'en', { answer: 'Use the code {amount} at checkout.' });
    expect(message.text).toContain('Use the code {amount} at checkout.');
  });
});

it('writes English for a language it has no words in', () => {
  const message = renderMessage('parcel_received', 'de', {});
  expect(message.language).toBe('en');
  expect(message.subject).toBe('We have received your parcel');
});
