import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { openCase, recordCaseEvent } from '../../../db/caseRecords';
import { recordCaseNotification } from '../../../db/caseNotifications';
import { CustomerKeyRing } from '../../../db/customerKeyRing';
import { eraseCustomer, eraseExpiredCases } from '../../../db/erasure';
import { migrateDatabase } from '../../../db/migrate';
import { createPool } from '../../../db/pool';
import { testPayloadKeys } from '../../support/secrets';
import { caseInput } from './caseStoreFixtures';
import { ownDatabase } from './ownDatabase';

/**
 * Erasure in PostgreSQL (db/erasure.ts), on a database of its own so every count is exact: what a
 * customer's erasure and retention take from each table, what they leave, and that they are all
 * or nothing.
 */

const database = ownDatabase('erasure');
let pool: Pool;
let ring: CustomerKeyRing;

beforeAll(async () => {
  await database.create();
  await migrateDatabase(database.url);
  pool = createPool(database.url, 4);
  ring = new CustomerKeyRing(pool, testPayloadKeys(), 60_000);
});
afterAll(async () => {
  await pool?.end();
  await database.drop();
});

const DAY_MS = 86_400_000;
const supervisor = { role: 'supervisor', id: 'sup-erasure' };

/** A complaint in the customer's words, with a message, a rating and a message sent, closed `closedDaysAgo` ago (open when null). */
async function caseOf(customerId: string, words: string, closedDaysAgo: number | null = 1): Promise<string> {
  const caseId = `case_${randomBytes(13).toString('hex')}`;
  const at = new Date(Date.now() - (closedDaysAgo ?? 0) * DAY_MS - 3_600_000).toISOString();
  const customer = { kind: 'customer', id: customerId } as const;
  await openCase(pool, caseInput({ caseId, customerId, actor: customer, createdAt: at, details: { reason: words, items: [{ sku: 'CAP-1', quantity: 2 }], orderId: 'ord-1' } }));
  await ring.keyForWorkflow(caseId);
  const event = (type: string, data: Record<string, unknown>, extra = {}) =>
    recordCaseEvent(pool, { caseId, eventKey: type, type, at, actor: customer, data, patch: {}, ...extra });
  await event('message.added', { text: `Call ${words}` });
  await recordCaseNotification(pool, { idempotencyKey: `${caseId}:notify`, caseId, template: 'refund_issued', messageId: `msg-${caseId}`, sentAt: at });
  if (closedDaysAgo === null) return caseId;
  await event('refund.issued', { refundId: 'rf-1', amount: 3_000, currency: 'EUR' }, { actor: { kind: 'system', id: 'orchestrator' } });
  await event('case.closed', { outcome: 'refunded' }, { actor: { kind: 'system', id: 'orchestrator' }, patch: { status: 'closed', outcome: 'refunded', closedAt: at } });
  await event('feedback.given', { csat: 4, nps: 8, reasons: ['too_slow'], comment: `Thanks from ${words}` });
  return caseId;
}

async function rowsOf(caseId: string) {
  const [record, events, facts, sent] = await Promise.all(
    ['SELECT * FROM cases WHERE id = $1', 'SELECT * FROM case_events WHERE case_id = $1 ORDER BY seq', 'SELECT * FROM case_facts WHERE case_id = $1', 'SELECT * FROM case_notifications WHERE case_id = $1'].map(
      async (sql) => (await pool.query(sql, [caseId])).rows,
    ),
  );
  return { record: record![0], events: events!, facts: facts![0], sent: sent! };
}

const liveKeys = async (customerId: string) =>
  (await pool.query('SELECT count(*)::int AS n FROM customer_data_keys WHERE customer_key_id = ANY ($1) AND destroyed_at IS NULL', [ring.customerKeyIds(customerId)])).rows[0].n as number;

describe('a customer’s erasure', () => {
  it('is refused while a case of theirs is open, and changes nothing', async () => {
    const customerId = `cust-${randomUUID()}`;
    const open = await caseOf(customerId, 'Erika Muster', null);
    const before = await rowsOf(open);

    expect(await eraseCustomer(pool, ring, customerId, { ground: 'customer_request', requester: supervisor })).toEqual({ kind: 'open-cases', caseIds: [open] });

    expect(await rowsOf(open)).toEqual(before);
    expect(await liveKeys(customerId)).toBe(1);
  });

  it('takes who the customer was and what anybody wrote, keeps the facts, destroys the key, and is recorded; again, it erases nothing more', async () => {
    const [customerId, someoneElse] = [`cust-${randomUUID()}`, `cust-${randomUUID()}`];
    const [first, second] = [await caseOf(customerId, 'Erika Muster +49 30 5550199'), await caseOf(customerId, 'erika@example.com')];
    const kept = await caseOf(someoneElse, 'Li Wei');
    const [before, othersBefore] = [await rowsOf(first), await rowsOf(kept)];

    const erased = await eraseCustomer(pool, ring, customerId, { ground: 'customer_request', requester: supervisor });

    expect(erased).toMatchObject({ kind: 'erased', counts: { cases: 2, events: 8, notifications: 2, qualityReviews: 0, dataKeys: 1 } });
    const after = await rowsOf(first);
    expect(after.record).toMatchObject({
      customer_id: `erased:${first}`,
      order_id: null,
      erased_at: expect.any(String),
      details: { reason: '[erased]', items: [{ sku: 'CAP-1', quantity: 2 }], orderId: '[erased]' },
      status: 'closed',
      outcome: 'refunded',
      closed_at: before.record.closed_at,
      created_at: before.record.created_at,
    });
    expect(after.events.map((e) => [e.type, e.actor_kind, e.actor_id, e.data])).toEqual([
      ['case.requested', 'customer', `erased:${first}`, expect.objectContaining({ reason: '[erased]', items: [{ sku: 'CAP-1', quantity: 2 }] })],
      ['message.added', 'customer', `erased:${first}`, { text: '[erased]' }],
      ['refund.issued', 'system', 'orchestrator', { refundId: '[erased]', amount: 3_000, currency: 'EUR' }],
      ['case.closed', 'system', 'orchestrator', { outcome: 'refunded' }],
      ['feedback.given', 'customer', `erased:${first}`, { csat: 4, nps: 8, reasons: ['too_slow'], comment: '[erased]' }],
    ]);
    expect(after.events.map((e) => [e.seq, e.at, e.event_key])).toEqual(before.events.map((e) => [e.seq, e.at, e.event_key]));
    expect(after.facts).toEqual(before.facts);
    expect(after.sent).toEqual([{ ...before.sent[0], message_id: '[erased]' }]);
    expect(await rowsOf(kept)).toEqual(othersBefore);
    expect(await liveKeys(customerId)).toBe(0);
    expect(await liveKeys(someoneElse)).toBe(1);
    const { rows: audit } = await pool.query('SELECT * FROM privacy_requests WHERE customer_key_id = $1', [ring.customerKeyId(customerId)]);
    expect(audit).toEqual([expect.objectContaining({ kind: 'erasure', ground: 'customer_request', requester_role: 'supervisor', requester: 'sup-erasure' })]);
    expect(JSON.stringify(await rowsOf(second))).not.toMatch(/Erika|erika|5550199|ord-1|msg-/);

    const again = await eraseCustomer(pool, ring, customerId, { ground: 'customer_request', requester: supervisor });
    expect(again).toMatchObject({ kind: 'erased', counts: { cases: 0, events: 0, notifications: 0, qualityReviews: 0, dataKeys: 0 } });
  });

  it('is refused while a closed case of theirs waits in a queue: an escalation not acknowledged, a low rating not followed up', async () => {
    const [escalated, rated] = [`cust-${randomUUID()}`, `cust-${randomUUID()}`];
    const [escalation, followUp] = [await caseOf(escalated, 'Erika'), await caseOf(rated, 'Erika')];
    await pool.query(`UPDATE cases SET details = details || '{"escalation": {"id": "e-1", "level": "supervisor", "open": true}}' WHERE id = $1`, [escalation]);
    await pool.query(`UPDATE cases SET details = details || '{"feedback": {"status": "follow_up", "followUp": {"open": true}}}' WHERE id = $1`, [followUp]);

    expect(await eraseCustomer(pool, ring, escalated, { ground: 'customer_request', requester: supervisor })).toEqual({ kind: 'open-cases', caseIds: [escalation] });
    expect(await eraseCustomer(pool, ring, rated, { ground: 'customer_request', requester: supervisor })).toEqual({ kind: 'open-cases', caseIds: [followUp] });
  });

  it('leaves the timeline append-only to everyone else', async () => {
    const caseId = await caseOf(`cust-${randomUUID()}`, 'Erika');

    await expect(pool.query(`UPDATE case_events SET data = '{}' WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
  });

  it('gives a customer who comes back a new key, under which their new case is readable', async () => {
    const customerId = `cust-${randomUUID()}`;
    const old = await ring.keyForWorkflow(await caseOf(customerId, 'Erika'));
    await eraseCustomer(pool, ring, customerId, { ground: 'consent_withdrawn', requester: supervisor });

    const fresh = await ring.keyForWorkflow(await caseOf(customerId, 'Erika again', null));

    expect(fresh!.id).not.toBe(old!.id);
    expect(await ring.keyById(old!.id)).toBe('erased');
    expect(await ring.keyById(fresh!.id)).toEqual(fresh);
  });
});

describe('retention', () => {
  it('erases the cases closed before the cut-off, oldest first a batch at a time, and the keys of customers it leaves with none', async () => {
    const [leaving, staying] = [`cust-${randomUUID()}`, `cust-${randomUUID()}`];
    const threeYears = 3 * 365;
    const old = [
      await caseOf(leaving, 'Erika', threeYears + 30),
      await caseOf(leaving, 'Erika', threeYears + 20),
      await caseOf(staying, 'Li', threeYears + 10),
    ];
    const recent = await caseOf(staying, 'Li', 2 * 365);
    const open = await caseOf(staying, 'Li', null);
    const closedBefore = new Date(Date.now() - threeYears * DAY_MS);
    const untouched = await Promise.all([recent, open].map(rowsOf));

    const batches = [];
    for (let i = 0; i < 3; i++) batches.push(await eraseExpiredCases(pool, ring, closedBefore, 2));

    expect(batches.map((b) => [b.cases, b.dataKeys])).toEqual([
      [2, 1],
      [1, 0],
      [0, 0],
    ]);
    const erasedAt = await pool.query('SELECT id, erased_at IS NOT NULL AS erased FROM cases WHERE id = ANY ($1) ORDER BY created_at', [[...old, recent, open]]);
    expect(erasedAt.rows.map((r) => r.erased)).toEqual([true, true, true, false, false]);
    expect(await Promise.all([recent, open].map(rowsOf))).toEqual(untouched);
    expect([await liveKeys(leaving), await liveKeys(staying)]).toEqual([0, 1]);
    const { rows: runs } = await pool.query("SELECT ground, requester_role, requester, counts FROM privacy_requests WHERE kind = 'retention' ORDER BY id");
    expect(runs).toEqual([
      { ground: 'retention_expired', requester_role: 'system', requester: 'retention', counts: expect.objectContaining({ cases: 2, dataKeys: 1, closedBefore: closedBefore.toISOString() }) },
      expect.objectContaining({ counts: expect.objectContaining({ cases: 1, dataKeys: 0 }) }),
    ]);
  });
});
