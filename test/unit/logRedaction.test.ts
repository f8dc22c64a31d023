import { Writable } from 'node:stream';
import { createLogger } from '../../config/logger';
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
    logger.info({ req: { headers: { authorization: 'Bearer eyJ.secret.token', 'x-webhook-signature': 'v1=abc123' } } }, 'request');
    logger.info({ command: { signatureSecret: 'partner-secret-value' } }, 'command');

    expect(output()).not.toMatch(/eyJ\.secret\.token|v1=abc123|partner-secret-value/);
  });
});
