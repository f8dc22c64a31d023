import { Writable } from 'node:stream';
import { createLogger } from '../../config/logger';
import { censorLogLine } from '../../config/redaction';
import { returnRequest } from '../support/requests';

function capturingLogger() {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: createLogger({ level: 'info', name: 'redaction-test', destination }), output: () => text };
}

/** A full case request with every kind of personal data a customer gives us. */
function personalRequest() {
  const request = returnRequest();
  return {
    ...request,
    customer: {
      ...request.customer,
      contact: { name: 'Erika Mustermann', email: 'erika.mustermann@example.com', phone: '+49 30 5550199' },
      address: { street: 'Heidestraße 17', postalCode: '51147', city: 'Köln' },
    },
  };
}
const personal = ['Erika Mustermann', 'erika.mustermann@example.com', '+49 30 5550199', 'Heidestraße 17', '51147'];

describe('log lines', () => {
  it('carry none of the personal data of a full case request, however deep it is logged', () => {
    const { logger, output } = capturingLogger();
    const request = personalRequest();

    logger.info({ req: { method: 'POST', url: '/v1/cases', body: request } }, 'request');
    logger.info({ body: request }, 'body');
    logger.info({ input: { caseId: 'case_1', customer: request.customer } }, 'workflow input');
    logger.warn({ err: { context: { activity: { args: [request] } } } }, 'deep');
    logger.info({ to: request.customer.contact.email, template: 'case_received' }, 'notification');

    const text = output();
    for (const value of personal) expect(text).not.toContain(value);
    // The lines are still there and still useful: ids and non-personal fields survive.
    expect(text).toContain(request.customer.id);
    expect(text).toContain('case_received');
    expect(text.trim().split('\n')).toHaveLength(5);
  });

  it('carry none of it when it is bound to a child logger, or nested deeper than any document we have', () => {
    const { logger, output } = capturingLogger();
    const { customer } = personalRequest();
    let deep: Record<string, unknown> = { customer };
    for (let level = 0; level < 12; level++) deep = { level, deep };

    logger.child({ customer }).info({ caseId: 'case_1' }, 'bound');
    logger.info({ deep }, 'deep');

    const text = output();
    for (const value of personal) expect(text).not.toContain(value);
    expect(text).toContain('case_1');
    expect(text).toContain('"name":"redaction-test"');
  });

  it('carry no credentials', () => {
    const { logger, output } = capturingLogger();
    logger.info({ req: { headers: { authorization: 'Bearer eyJ.secret.token', 'x-webhook-signature': 'v1=abc123', cookie: 'session=cookie-value' } } }, 'request');
    logger.info({ command: { signatureSecret: 'partner-secret-value' } }, 'command');
    logger.info({ login: { user: 'ops', password: 'password-value' }, webhook: { secret: 'secret-value' }, link: { token: 'token-value' } }, 'settings');

    expect(output()).not.toMatch(/eyJ\.secret\.token|v1=abc123|cookie-value|partner-secret-value|password-value|secret-value|token-value/);
    expect(output()).toContain('"user":"ops"');
  });

  it("carry no person's name nested anywhere, in arrays too, while the logger's own name stays", () => {
    const { logger, output } = capturingLogger();
    logger.info({ installer: { id: 'inst-7', name: 'Jan Kowalski' } }, 'visit booked');
    logger.info({ visitors: [{ name: 'Li Wei' }, { name: 'Anna Schmidt' }] }, 'visitors');

    const text = output();
    for (const name of ['Jan Kowalski', 'Li Wei', 'Anna Schmidt']) expect(text).not.toContain(name);
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    expect(lines.map((line) => line.name)).toEqual(['redaction-test', 'redaction-test']);
    expect(lines[0]!.installer).toEqual({ id: 'inst-7', name: '[redacted]' });
    expect(lines[1]!.visitors).toEqual([{ name: '[redacted]' }, { name: '[redacted]' }]);
  });

  it("carry no message's recipient, whatever form it was written in", () => {
    const { logger, output } = capturingLogger();
    // A local number without its area code has no phone's shape; the key censors it.
    logger.info({ to: '555 0199', template: 'case_received' }, 'notification');

    expect(JSON.parse(output())).toMatchObject({ to: '[redacted]', template: 'case_received' });
  });

  it('keep empty values as they are in a line they censor', () => {
    const { logger, output } = capturingLogger();
    logger.info({ assignee: null, escalated: false, note: 'call 030 5550199' }, 'empty values');

    expect(JSON.parse(output())).toMatchObject({ assignee: null, escalated: false, note: 'call [redacted]' });
  });

  it('carry no e-mail address or phone number, whatever key holds it and however deep, in messages and arrays too', () => {
    const { logger, output } = capturingLogger();
    // The keys alone censor these, whatever their values look like.
    logger.info({ email: 'erika (at) example (dot) com', phone: 'five five five, one nine nine' }, 'bare keys');
    logger.info({ customerEmail: 'li.wei@example.cn', reachAt: '13812345678' }, 'other keys');
    logger.info({ recipients: ['ops@example.com', ['+86 138 1234 5678']] }, 'arrays');
    logger.warn({ err: { message: 'gateway refused erika.mustermann@example.com', context: { deep: { deeper: { note: 'call 030 5550199' } } } } }, 'nested');
    logger.info({ sentTo: { 'erika.mustermann@example.com': 'delivered' } }, 'a key shaped like an address');
    logger.info('notified erika.mustermann@example.com and +49 30 5550199');
    logger.info({ note: 'first line\n13812345678' }, 'escaped in the raw line');
    logger.info({ note: 'call 030 5550199 or 13812345678' }, 'two numbers');

    const text = output();
    for (const value of ['erika (at) example', 'five five five', 'li.wei@example.cn', '13812345678', 'ops@example.com', '138 1234 5678', 'erika.mustermann', '5550199']) {
      expect(text).not.toContain(value);
    }
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    expect(lines).toHaveLength(8);
    expect(lines[5]!.msg).toBe('notified [redacted] and [redacted]');
    expect(lines[6]!.note).toBe('first line\n[redacted]');
    expect(lines[7]!.note).toBe('call [redacted] or [redacted]');
    expect(lines[2]!.recipients).toEqual(['[redacted]', ['[redacted]']]);
  });

  it.each([
    ['a mainland mobile', '13812345678'],
    ['a mainland mobile in groups', '138 1234 5678'],
    ['a mainland mobile with dashes', '138-1234-5678'],
    ['a mainland mobile with +86', '+86 138 1234 5678'],
    ['a mainland mobile with +86, unspaced', '+8613812345678'],
    ['a mainland mobile with 0086', '0086-138-1234-5678'],
    ['a mainland mobile with 86', '8613812345678'],
    ['E.164', '+14155550123'],
    ['E.164 as written in the US', '+1 415-555-0123'],
    ['E.164 with a (0)', '+49 (0)30 5550199'],
    ['E.164 with dots', '+33.1.42.68.53.00'],
    ['an international number with 00', '0049 30 5550199'],
    ['a national number', '030 5550199'],
    ['a national number with its area code in brackets', '(030) 555-0199'],
    ['a Beijing landline', '010-12345678'],
    ['an e-mail address', 'erika.mustermann+returns@example.co.uk'],
    ['an e-mail address at a Chinese domain', 'zhang.wei@例子.中国'],
  ])('censor %s inside a sentence, in either language', (_what, contact) => {
    const { logger, output } = capturingLogger();
    logger.info({ note: `call ${contact} today` }, `客户电话${contact}，请回电`);

    const line = JSON.parse(output()) as Record<string, unknown>;
    expect(line.note).toBe('call [redacted] today');
    expect(line.msg).toBe('客户电话[redacted]，请回电');
  });

  it('carry no e-mail address or phone number that a URL percent-encodes or a form encodes', () => {
    const { logger, output } = capturingLogger();
    logger.info({ req: { method: 'GET', url: '/v1/cases?customerId=erika.mustermann%40example.com&phone=%2B49%2030%205550199' } }, 'request completed');
    logger.info('posted email=li.wei%40example.cn&phone=%2B86+138+1234+5678');

    const text = output();
    for (const value of ['erika.mustermann', 'li.wei', '5550199', '138', '1234', '5678']) expect(text).not.toContain(value);
    const [request, form] = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    expect(request!.req.url).toBe('/v1/cases?customerId=[redacted]&phone=[redacted]');
    expect(form!.msg.match(/\[redacted\]/g)).toHaveLength(2);
  });

  it('censor a line that is not JSON as text', () => {
    expect(censorLogLine('gateway refused erika.mustermann@example.com {"partial":\n')).toBe('gateway refused [redacted] {"partial":\n');
  });

  it('leave ids, tracking numbers, times and amounts as they are', () => {
    const { logger, output } = capturingLogger();
    const kept = {
      caseId: 'case_13812345678901234567890a',
      testCaseId: 'case-test-0000006d-4b1e-4c2a-9d3f-00000000006d',
      requestId: '00123456-7890-4abc-8def-123456789012',
      orderId: 'ord-101517',
      customerId: 'cust-0193',
      trackingNumber: 'SIM0138123456',
      serialNumber: 'SN-13812345678',
      idempotencyKey: 'case_3f1c0a9be27d4c51a8e06b9d2f:refund',
      at: '2026-12-02T10:00:00.000Z',
      opening: '09:00-18:00 on 2026-12-02',
      policy: 'sla/2026-12-02',
      amountText: 'EUR 13812345.67 and ¥1,234.00',
      share: '0.13812345678',
      host: '127.0.0.1:54321',
      package: '@temporalio/worker@1.24.0',
    };
    logger.info({ ...kept, amount: 13812345678, epochMs: 1713800000000 }, 'kept');

    const line = JSON.parse(output()) as Record<string, unknown>;
    expect(line).toMatchObject({ ...kept, amount: 13812345678, epochMs: 1713800000000 });
  });
});
