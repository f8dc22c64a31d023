import { randomInt, randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { payloadToJson } from '../../config/payloadJson';
import type { Stack } from '../../scripts/stack';
import { expectCustomer } from '../support/records';
import { returnRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

let stack: Stack;
let api: ApiClient;
beforeAll(async () => {
  stack = await startTestStack('e2e-privacy');
  api = new ApiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

/** Every string and byte of a history as the server holds it, in one buffer to search. */
function rawBytes(value: unknown, into: Buffer[] = []): Buffer[] {
  if (value instanceof Uint8Array) into.push(Buffer.from(value));
  else if (typeof value === 'string') into.push(Buffer.from(value));
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) rawBytes(v, into);
  return into;
}

/** The case's history as stored, read by a client that has no payload codec. */
async function storedHistory(caseId: string): Promise<temporal.api.history.v1.IHistoryEvent[]> {
  const plain = new Client({ connection: stack.client.connection, namespace: stack.client.options.namespace });
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await plain.workflowService.getWorkflowExecutionHistory({
      namespace: plain.options.namespace,
      execution: { workflowId: caseId },
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return events;
}

describe('personal data in Temporal', () => {
  it('never enters a case’s history, which carries the customer id only, while the customer is still told', async () => {
    const email = `privacy-${randomUUID().slice(0, 8)}@example.com`;
    const phone = `+49 30 ${randomInt(1_000_000, 9_999_999)}`;
    const name = `Erika Privatsphäre ${randomUUID().slice(0, 4)}`;
    const request = returnRequest();
    expectCustomer(request.customer.id, { profile: { name, contact: { email, phone } }, orders: [] });
    const created = await api.createCase(request);
    const caseId = created.body.id as string;
    expect((await api.waitForClosed(caseId)).outcome).toBe('refunded');

    const history = await storedHistory(caseId);
    const raw = Buffer.concat(rawBytes(history));
    expect(history.length).toBeGreaterThan(10);
    expect(raw.includes(caseId)).toBe(true);
    for (const personal of [email, phone, name]) expect(raw.includes(personal)).toBe(false);

    // Decrypted by authorised staff, the input still names no contact: messages look it up when they go out.
    const input = history[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    const payloads = input.map((p) => payloadToJson({ metadata: p.metadata ?? {}, data: p.data ?? undefined }));
    const decoded = await api.post('/codec/decode', { payloads }, { 'x-namespace': 'default' });
    const refused = await api.as({ sub: 'agent-7', role: 'agent' }).post('/codec/decode', { payloads });
    expect(decoded.status).toBe(200);
    const clear = Buffer.from(decoded.body.payloads[0].data, 'base64').toString();
    expect(clear).toContain(request.customer.id);
    for (const personal of [email, phone, name]) expect(clear).not.toContain(personal);
    expect(refused.status).toBe(403);

    const sent = (await api.records(caseId)).notifications;
    expect(sent).toContainEqual(expect.objectContaining({ template: 'refund_issued', to: { email, phone } }));
  });
});
