import type { Pool, PoolClient } from 'pg';
import { ERASED, type ErasureCounts, type ErasureGround, erasedCustomerId, withoutPersonalData } from '../domain/personalData';
import type { CustomerKeyRing } from './customerKeyRing';
import { type PrivacyRequest, recordPrivacyRequest } from './privacyRequests';
import { openEscalationSql, openFollowUpSql } from './queueScope';
import { inTransaction } from './transaction';

/**
 * Erasure of personal data from the service's own stores (docs/security.md#erasure-and-retention),
 * for a customer's request and for retention alike. A case keeps its row, its timeline's events
 * and its KPI facts; what goes is what says who the customer was and what anybody wrote
 * (domain/personalData.ts): the customer id (each erased case gets one of its own, so erased cases
 * cannot be told to be one customer's), the order reference, the Idempotency-Key and request hash,
 * the personal fields of its details and of every event's data, the gateway's message ids of its
 * notifications, a quality reviewer's comment. case_facts holds none of these and is left alone:
 * the KPIs read the same before and after.
 */

interface CaseOfCustomer {
  id: string;
  customerId: string;
}

/** Each row's new values, in arrays for one UPDATE … FROM unnest(…): one round trip for a batch. */
async function eraseCaseRows(client: PoolClient, cases: readonly CaseOfCustomer[]): Promise<Omit<ErasureCounts, 'dataKeys'>> {
  const ids = cases.map((c) => c.id);
  const customerOf = new Map(cases.map((c) => [c.id, c.customerId]));
  const scrub = (caseId: string, value: unknown) => withoutPersonalData(value, customerOf.get(caseId)!, erasedCustomerId(caseId));
  // The one exception to the timeline's append-only rule (migration 0020), for this transaction only.
  await client.query("SET LOCAL aso.erasing = 'on'");

  const stored = await client.query<{ id: string; details: unknown }>('SELECT id, details FROM cases WHERE id = ANY ($1::text[])', [ids]);
  await client.query(
    `UPDATE cases c SET customer_id = v.customer_id, order_id = NULL, idempotency_key = $4, request_hash = $4, details = v.details, erased_at = now()
       FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS v (id, customer_id, details)
      WHERE c.id = v.id`,
    [stored.rows.map((r) => r.id), stored.rows.map((r) => erasedCustomerId(r.id)), stored.rows.map((r) => JSON.stringify(scrub(r.id, r.details))), ERASED],
  );

  const events = await client.query<{ case_id: string; seq: number; actor_id: string; data: unknown }>(
    'SELECT case_id, seq, actor_id, data FROM case_events WHERE case_id = ANY ($1::text[])',
    [ids],
  );
  const changed = events.rows
    .map((e) => ({ ...e, newActor: scrub(e.case_id, e.actor_id) as string, newData: JSON.stringify(scrub(e.case_id, e.data)) }))
    .filter((e) => e.newActor !== e.actor_id || e.newData !== JSON.stringify(e.data));
  await client.query(
    `UPDATE case_events e SET actor_id = v.actor_id, data = v.data
       FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[]) AS v (case_id, seq, actor_id, data)
      WHERE e.case_id = v.case_id AND e.seq = v.seq`,
    [changed.map((e) => e.case_id), changed.map((e) => e.seq), changed.map((e) => e.newActor), changed.map((e) => e.newData)],
  );

  const notifications = await client.query('UPDATE case_notifications SET message_id = $2 WHERE case_id = ANY ($1::text[]) AND message_id <> $2', [
    ids,
    ERASED,
  ]);
  const reviews = await client.query('UPDATE quality_samples SET comment = NULL WHERE case_id = ANY ($1::text[]) AND comment IS NOT NULL', [ids]);
  return { cases: stored.rowCount ?? 0, events: changed.length, notifications: notifications.rowCount ?? 0, qualityReviews: reviews.rowCount ?? 0 };
}

/** What the service holds of a customer outside their cases' rows. */
async function eraseCustomerTraces(client: PoolClient, customerId: string): Promise<void> {
  // The intake limiter counts a customer's requests under "customer:<id>" for a window (api/routes/createCase.ts).
  const counted = `:customer:${customerId}`;
  await client.query('DELETE FROM rate_limit_windows WHERE right(key, $2) = $1', [counted, counted.length]);
  // A case withdrawn because its workflow never started is gone; the record of why names its customer (db/caseStarts.ts).
  const withdrawn = await client.query<{ case_id: string }>('SELECT case_id FROM case_withdrawals WHERE customer_id = $1 FOR UPDATE', [customerId]);
  await client.query(
    'UPDATE case_withdrawals w SET customer_id = v.customer_id FROM unnest($1::text[], $2::text[]) AS v (case_id, customer_id) WHERE w.case_id = v.case_id',
    [withdrawn.rows.map((r) => r.case_id), withdrawn.rows.map((r) => erasedCustomerId(r.case_id))],
  );
}

/**
 * A case someone must still act on: open, or closed with an escalation not acknowledged or a low
 * rating's follow-up not done. Each waits in a work queue, which an erasure would leave holding a
 * case nobody can read any more.
 */
const stillWorkedSql = `(closed_at IS NULL OR ${openEscalationSql} OR ${openFollowUpSql})`;

/** The customer's cases not erased yet, whether each is still worked on, and the escalations each started. */
export async function casesToErase(pool: Pool, customerId: string): Promise<{ caseId: string; stillWorked: boolean; escalationIds: string[] }[]> {
  const { rows } = await pool.query<{ id: string; still_worked: boolean; escalations: string[] }>(
    `SELECT c.id, ${stillWorkedSql} AS still_worked,
            coalesce(array_agg(e.data->>'escalationId') FILTER (WHERE e.data->>'escalationId' IS NOT NULL), '{}') AS escalations
       FROM cases c LEFT JOIN case_events e ON e.case_id = c.id AND e.type = 'escalation.started'
      WHERE c.customer_id = $1 AND c.erased_at IS NULL
      GROUP BY c.id ORDER BY c.created_at, c.id`,
    [customerId],
  );
  return rows.map((r) => ({ caseId: r.id, stillWorked: r.still_worked, escalationIds: r.escalations }));
}

export type CustomerErasure =
  | { kind: 'erased'; request: PrivacyRequest; counts: ErasureCounts }
  | { kind: 'open-cases'; caseIds: string[] };

/**
 * Erases everything the service holds about one customer and destroys their data keys, all or
 * nothing, recorded in the audit in the same transaction. Refused while a case of theirs is still
 * worked on: its workflow still needs their key, or its work item would wait on a case nobody can
 * read (docs/security.md#erasure-and-retention). Erasing a customer
 * again erases nothing more, and is recorded again.
 */
export async function eraseCustomer(
  pool: Pool,
  keyRing: CustomerKeyRing,
  customerId: string,
  request: { ground: ErasureGround; requester: PrivacyRequest['requester'] },
): Promise<CustomerErasure> {
  let destroyed: string[] = [];
  const result = await inTransaction(
    pool,
    async (client): Promise<CustomerErasure> => {
      const locked = await client.query<{ id: string }>('SELECT id FROM cases WHERE customer_id = $1 FOR UPDATE', [customerId]);
      destroyed = await keyRing.destroyKeys(client, [customerId]);
      // Read after the keys are locked: a case opened meanwhile either shows here, or finds its customer's key destroyed and gets a new one.
      const open = await client.query<{ id: string }>(`SELECT id FROM cases WHERE customer_id = $1 AND ${stillWorkedSql} ORDER BY created_at`, [
        customerId,
      ]);
      if (open.rows.length > 0) return { kind: 'open-cases', caseIds: open.rows.map((r) => r.id) };
      const counts = { ...(await eraseCaseRows(client, locked.rows.map(({ id }) => ({ id, customerId })))), dataKeys: destroyed.length };
      await eraseCustomerTraces(client, customerId);
      const audited = await recordPrivacyRequest(client, { kind: 'erasure', customerKeyId: keyRing.customerKeyId(customerId), ...request, counts });
      return { kind: 'erased', request: audited, counts };
    },
    (r) => r.kind === 'erased',
  );
  if (result.kind === 'erased') keyRing.forget(destroyed);
  return result;
}

/**
 * One batch of retention: the closed cases not erased yet whose close is older than `closedBefore`,
 * oldest first, at most `limit`. Cases another batch holds are skipped, so two runs do not meet.
 * A customer left with no case that is not erased loses their data keys too. Recorded in the
 * audit when it erased anything.
 */
export async function eraseExpiredCases(
  pool: Pool,
  keyRing: CustomerKeyRing,
  closedBefore: Date,
  limit: number,
): Promise<ErasureCounts> {
  let destroyed: string[] = [];
  const counts = await inTransaction(pool, async (client) => {
    const expired = await client.query<{ id: string; customer_id: string }>(
      `SELECT id, customer_id FROM cases WHERE erased_at IS NULL AND closed_at < $1
        ORDER BY closed_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [closedBefore, limit],
    );
    if (expired.rows.length === 0) return { cases: 0, events: 0, notifications: 0, qualityReviews: 0, dataKeys: 0 };
    const erased = await eraseCaseRows(client, expired.rows.map((r) => ({ id: r.id, customerId: r.customer_id })));
    const customers = [...new Set(expired.rows.map((r) => r.customer_id))];
    await keyRing.lockKeys(client, customers);
    const done = await client.query<{ customer_id: string }>(
      `SELECT customer_id FROM unnest($1::text[]) AS customer_id
        WHERE NOT EXISTS (SELECT 1 FROM cases WHERE cases.customer_id = customer_id.customer_id)`,
      [customers],
    );
    destroyed = await keyRing.destroyKeys(client, done.rows.map((r) => r.customer_id));
    const total = { ...erased, dataKeys: destroyed.length };
    await recordPrivacyRequest(client, {
      kind: 'retention',
      customerKeyId: null,
      ground: 'retention_expired',
      requester: { role: 'system', id: 'retention' },
      counts: { ...total, closedBefore: closedBefore.toISOString() },
    });
    return total;
  });
  keyRing.forget(destroyed);
  return counts;
}

