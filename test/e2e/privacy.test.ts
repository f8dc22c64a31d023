import { randomInt, randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { Pool } from 'pg';
import type { Principal } from '../../api/auth/tokens';
import { payloadToJson } from '../../config/payloadJson';
import { createPool } from '../../db/pool';
import type { Stack } from '../../scripts/stack';
import { feedbackWorkflowId } from '../../workflows/feedback/input';
import { expectCustomer } from '../support/records';
import { complaintRequest, returnRequest } from '../support/requests';
import { ApiClient, startLocalTestStack } from '../support/stackHarness';

/**
 * Personal data end to end: never in Temporal's history in clear; erased on request from every
 * store of the service, with the customer's Temporal payloads made unreadable (their data key
 * destroyed) and the KPIs as they were; handed over on request. The stack has a database of its
 * own: the KPIs and the scan of every table must see this file's cases alone.
 */

let stack: Stack;
let api: ApiClient;
let db: Pool;
beforeAll(async () => {
  stack = await startLocalTestStack('e2e-privacy', {}, { ownDatabase: true });
  api = new ApiClient(stack);
  db = createPool(stack.databaseUrl, 2);
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

const supervisor: Principal = { sub: 'sup-privacy', role: 'supervisor' };
const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

/** Every string and byte of a history as the server holds it, in one buffer to search. */
function rawBytes(value: unknown, into: Buffer[] = []): Buffer[] {
  if (value instanceof Uint8Array) into.push(Buffer.from(value));
  else if (typeof value === 'string') into.push(Buffer.from(value));
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) rawBytes(v, into);
  return into;
}

/** A workflow's history as stored, read by a client that has no payload codec. */
async function storedHistory(workflowId: string): Promise<temporal.api.history.v1.IHistoryEvent[]> {
  const plain = new Client({ connection: stack.client.connection, namespace: stack.client.options.namespace });
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await plain.workflowService.getWorkflowExecutionHistory({
      namespace: plain.options.namespace,
      execution: { workflowId },
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return events;
}

/** Every encrypted payload of a history, in the remote codec's JSON form. */
function encryptedPayloads(history: temporal.api.history.v1.IHistoryEvent[]) {
  const found: ReturnType<typeof payloadToJson>[] = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    const candidate = value as { metadata?: Record<string, Uint8Array>; data?: Uint8Array };
    if (candidate.metadata?.encoding && Buffer.from(candidate.metadata.encoding).toString() === 'binary/encrypted') {
      found.push(payloadToJson({ metadata: candidate.metadata, data: candidate.data ?? undefined }));
      return;
    }
    for (const v of Object.values(value)) walk(v);
  };
  walk(history);
  return found;
}

/** A customer of the simulated customer system with a name, e-mail and phone of their own to look for. */
function personWithContact(label: string) {
  const tag = randomUUID().slice(0, 8);
  return {
    name: `${label} Privatsphäre ${tag}`,
    email: `${label.toLowerCase()}-${tag}@example.com`,
    phone: `+49 30 ${randomInt(1_000_000, 9_999_999)}`,
  };
}

describe('personal data in Temporal', () => {
  it('never enters a case’s history, which carries the customer id only, encrypted with the customer’s data key, while the customer is still told', async () => {
    const { email, phone, name } = personWithContact('Erika');
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
    const payloads = encryptedPayloads(history.slice(0, 1));
    expect(payloads[0]!.metadata!['data-key-id']).toBeDefined();
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

/** The rows of every table of the database that mention `text` anywhere, by table. */
async function mentions(text: string): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const found: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} t WHERE strpos(t::text, $1) > 0`, [text]);
    if (rows[0]!.n > 0) found[name] = rows[0]!.n;
  }
  return found;
}

/** Both reports over the window, as a supervisor reads them. */
async function reports(from: string, to: string) {
  const reader = api.as(supervisor);
  return Promise.all(
    [`/v1/reports/kpis?from=${from}&to=${to}`, `/v1/reports/kpis?from=${from}&to=${to}&groupBy=agent`, `/v1/reports/agents?from=${from}&to=${to}`].map(
      async (path) => (await reader.get(path)).body,
    ),
  );
}

describe('erasure', () => {
  it('erases a customer from every table and makes their payloads unreadable, while other customers and the KPIs stay as they were', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const erika = personWithContact('Erika');
    const said = `${erika.name}, ${erika.email}, ${erika.phone}`;

    // A return in her words, refunded and rated.
    const returned = returnRequest({ reason: `Bought for ${said} by mistake` });
    const customerId = returned.customer.id;
    expectCustomer(customerId, { profile: { name: erika.name, contact: { email: erika.email, phone: erika.phone } }, orders: [] });
    const herself = api.as({ sub: customerId, role: 'customer' });
    const returnId = (await herself.createCase(returned)).body.id as string;
    expect((await api.waitForClosed(returnId)).outcome).toBe('refunded');
    await api.waitForSurvey(returnId);
    expect((await herself.post(`/v1/cases/${returnId}/feedback`, { csat: 5, nps: 9, comment: `Thanks, ${said}` })).status).toBe(200);

    // A complaint in her words, answered by an agent, open when the first erasure is asked.
    const complaint = complaintRequest({ customer: { id: customerId }, description: `Nobody answered ${said} for a week.` });
    const complaintId = (await herself.createCase(complaint)).body.id as string;
    await api.waitForStatus(complaintId, 'routed');
    const assignee = await api.waitForAssignee(complaintId);
    const agent = api.as({ sub: assignee, role: 'agent' });
    expect((await agent.post(`/v1/cases/${complaintId}/actions/acknowledge`, { note: `Spoke to ${erika.name}` })).status).toBe(200);
    expect((await herself.post(`/v1/cases/${complaintId}/actions/message`, { text: `Call me on ${erika.phone}` })).status).toBe(200);
    expect((await agent.post(`/v1/cases/${complaintId}/actions/propose-solution`, { solution: `A voucher sent to ${erika.email}` })).status).toBe(200);

    const whileOpen = await api.as(supervisor).post(`/v1/customers/${customerId}/erasure`, { ground: 'customer_request' });
    expect(whileOpen.status).toBe(409);
    expect(whileOpen.body).toMatchObject({ type: problemType('customer-has-open-cases'), openCases: [complaintId] });

    expect((await herself.post(`/v1/cases/${complaintId}/actions/confirm`, { comment: `Fine, ${erika.name}` })).status).toBe(200);
    await api.waitForClosed(complaintId);
    // Her complaint's survey waits for an answer: the erasure ends it.
    await api.waitForSurvey(complaintId);

    // Someone else, whose case must read as before.
    const other = returnRequest();
    const otherId = (await api.createCase(other)).body.id as string;
    expect((await api.waitForClosed(otherId)).outcome).toBe('refunded');

    const to = new Date(Date.now() + 60_000).toISOString();
    const kpisBefore = await reports(from, to);
    const herHistories = await Promise.all([returnId, complaintId, feedbackWorkflowId(returnId)].map(storedHistory));
    const otherHistory = await storedHistory(otherId);
    for (const personal of [...Object.values(erika), customerId]) expect(Object.keys(await mentions(personal)).length).toBeGreaterThan(0);

    const erased = await api.as(supervisor).post(`/v1/customers/${customerId}/erasure`, { ground: 'customer_request' });

    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      customerId,
      customerKeyId: expect.stringMatching(/^ck_/),
      ground: 'customer_request',
      counts: { cases: 2, events: expect.any(Number), dataKeys: 1, workflowsEnded: expect.any(Number) },
    });
    expect(erased.body.counts.events).toBeGreaterThan(4);
    expect(erased.body.counts.workflowsEnded).toBeGreaterThanOrEqual(1);

    // Nothing of hers in any table: not her name, e-mail, phone or id.
    for (const personal of [...Object.values(erika), customerId]) expect(await mentions(personal)).toEqual({});
    // The cases are still there, without her.
    const record = (await api.get(`/v1/cases/${returnId}`)).body;
    expect(record).toMatchObject({ closedAt: expect.any(String), outcome: 'refunded', erasedAt: expect.any(String), customerId: `erased:${returnId}`, orderId: null, live: null });
    expect(record.details).toMatchObject({ reason: '[erased]', items: returned.items });

    // Her payloads, wherever Temporal keeps them, decode to the erased marker; the other customer's as before.
    const herPayloads = herHistories.flatMap(encryptedPayloads);
    const decoded = await api.post('/codec/decode', { payloads: herPayloads });
    expect(decoded.status).toBe(200);
    const markers = decoded.body.payloads.map((p: { data: string }) => JSON.parse(Buffer.from(p.data, 'base64').toString()));
    expect(markers.length).toBeGreaterThan(10);
    for (const marker of markers) expect(marker).toMatchObject({ erased: true });
    const othersDecoded = await api.post('/codec/decode', { payloads: encryptedPayloads(otherHistory.slice(0, 1)) });
    expect(Buffer.from(othersDecoded.body.payloads[0].data, 'base64').toString()).toContain(other.customer.id);

    // Her survey no longer runs; the figures are the same.
    expect((await stack.client.workflow.getHandle(feedbackWorkflowId(complaintId)).describe()).status.name).toBe('TERMINATED');
    expect(await reports(from, to)).toEqual(kpisBefore);

    // The audit says who erased whom (by customer key id) and how much; only admins read it.
    const audit = await api.get(`/v1/privacy/requests?customerId=${customerId}`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        kind: 'erasure',
        customerKeyId: erased.body.customerKeyId,
        ground: 'customer_request',
        requester: { role: 'supervisor', id: supervisor.sub },
        counts: expect.objectContaining({ cases: 2, dataKeys: 1 }),
      }),
    ]);
    expect((await api.as(supervisor).get('/v1/privacy/requests')).status).toBe(403);

    // Asking again erases nothing more, and is recorded again.
    const again = await api.as(supervisor).post(`/v1/customers/${customerId}/erasure`, { ground: 'customer_request' });
    expect(again.status).toBe(200);
    expect(again.body.counts).toEqual({ cases: 0, events: 0, notifications: 0, qualityReviews: 0, dataKeys: 0, workflowsEnded: 0 });
    expect((await api.get(`/v1/privacy/requests?customerId=${customerId}`)).body.items).toHaveLength(2);
  });

  it('is for supervisors and admins, and asks for its ground', async () => {
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const asAgent = await api.as({ sub: 'agent-7', role: 'agent' }).post(`/v1/customers/${customerId}/erasure`, { ground: 'customer_request' });
    const asCustomer = await api.as({ sub: customerId, role: 'customer' }).post(`/v1/customers/${customerId}/erasure`, { ground: 'customer_request' });
    const groundless = await api.as(supervisor).post(`/v1/customers/${customerId}/erasure`, { ground: 'retention_expired' });

    expect([asAgent.status, asCustomer.status]).toEqual([403, 403]);
    expect(groundless.status).toBe(400);
    expect(groundless.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'ground', allowed: expect.arrayContaining(['customer_request']) })]);
  });
});

describe('access to one’s data', () => {
  it('hands a customer everything the service holds of them, as JSON, and records that it did', async () => {
    const request = returnRequest({ reason: 'too warm for spring' });
    const customerId = request.customer.id;
    const herself = api.as({ sub: customerId, role: 'customer' });
    const caseId = (await herself.createCase(request)).body.id as string;
    expect((await api.waitForClosed(caseId)).outcome).toBe('refunded');
    await api.waitForSurvey(caseId);
    expect((await herself.post(`/v1/cases/${caseId}/feedback`, { csat: 4, nps: 8, comment: 'smooth' })).status).toBe(200);
    await api.waitForSurvey(caseId, 'answered');

    const exported = await herself.get(`/v1/customers/${customerId}/data`);

    expect(exported.status).toBe(200);
    expect(exported.body.customerId).toBe(customerId);
    expect(exported.body.cases).toHaveLength(1);
    const [theCase] = exported.body.cases;
    expect(theCase).toMatchObject({ id: caseId, outcome: 'refunded', details: expect.objectContaining({ reason: 'too warm for spring' }) });
    expect(theCase.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['case.requested', 'refund.issued', 'case.closed']));
    expect(theCase.notifications.map((n: { template: string }) => n.template)).toEqual(expect.arrayContaining(['refund_issued', 'feedback_request']));
    expect(exported.body.ratings).toEqual([expect.objectContaining({ caseId, score: 4, nps: 8, comment: 'smooth' })]);

    const audit = (await api.get(`/v1/privacy/requests?customerId=${customerId}`)).body.items;
    expect(audit).toEqual([
      expect.objectContaining({ kind: 'export', ground: null, requester: { role: 'customer', id: audit[0].customerKeyId }, counts: expect.objectContaining({ cases: 1, ratings: 1 }) }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(customerId);
  });

  it('is the customer’s own, and staff who may erase: another customer finds nobody, an agent is refused', async () => {
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const stranger = await api.as({ sub: `cust-${randomUUID().slice(0, 8)}`, role: 'customer' }).get(`/v1/customers/${customerId}/data`);
    const agent = await api.as({ sub: 'agent-7', role: 'agent' }).get(`/v1/customers/${customerId}/data`);
    const bySupervisor = await api.as(supervisor).get(`/v1/customers/${customerId}/data`);

    expect(stranger.status).toBe(404);
    expect(stranger.body.type).toBe(problemType('customer-not-found'));
    expect(agent.status).toBe(403);
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.body.cases).toEqual([]);
  });
});
