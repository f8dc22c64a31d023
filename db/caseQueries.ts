import type { Pool } from 'pg';
import type { CaseEvent, CaseListFilter, CaseRecord } from '../domain';
import { decodeCursor, encodeCursor } from './listCursor';
import { inQueueScopeSql } from './queueScope';
import { SqlParams } from './sqlParams';

export { InvalidCursorError } from './listCursor';

/** The reads behind the API's lists and case pages; eventually consistent with the workflows. */

const caseColumns = `id, type, channel, customer_id, customer_segment, order_id, status, outcome, resolution,
  priority, assignee, policy_version, build_ids, deadlines, breached, details, created_at, updated_at, closed_at, erased_at`;

/** A cases row as pg returns it: timestamps already ISO strings (see pool.ts), jsonb parsed. */
interface CaseRow {
  id: string;
  type: CaseRecord['type'];
  channel: CaseRecord['channel'];
  customer_id: string;
  customer_segment: CaseRecord['customerSegment'];
  order_id: string | null;
  status: string;
  outcome: string | null;
  resolution: CaseRecord['resolution'];
  priority: CaseRecord['priority'];
  assignee: string | null;
  policy_version: string;
  build_ids: string[];
  deadlines: CaseRecord['deadlines'];
  breached: boolean;
  details: CaseRecord['details'];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  erased_at: string | null;
}

function toCaseRecord(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    type: row.type,
    channel: row.channel,
    customerId: row.customer_id,
    customerSegment: row.customer_segment,
    orderId: row.order_id,
    status: row.status,
    outcome: row.outcome,
    resolution: row.resolution,
    priority: row.priority,
    assignee: row.assignee,
    policyVersion: row.policy_version,
    buildIds: row.build_ids,
    deadlines: row.deadlines,
    breached: row.breached,
    details: row.details,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    erasedAt: row.erased_at,
  };
}

export async function getCase(pool: Pool, id: string): Promise<CaseRecord | null> {
  const result = await pool.query<CaseRow>(`SELECT ${caseColumns} FROM cases WHERE id = $1`, [id]);
  const row = result.rows[0];
  return row ? toCaseRecord(row) : null;
}

/** The hash of the request that opened a case, or null when no such case is stored. */
export async function getRequestHash(pool: Pool, id: string): Promise<string | null> {
  const result = await pool.query<{ request_hash: string }>('SELECT request_hash FROM cases WHERE id = $1', [id]);
  return result.rows[0]?.request_hash ?? null;
}

/** The newest open case of these types for the customer about the order, opened since then: a matter under way. */
export async function findOpenCase(
  pool: Pool,
  matter: { types: readonly string[]; customerId: string; orderId: string; since: string },
): Promise<string | null> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM cases
      WHERE type = ANY ($1::text[]) AND customer_id = $2 AND order_id = $3 AND closed_at IS NULL AND created_at >= $4
      ORDER BY created_at DESC LIMIT 1`,
    [matter.types, matter.customerId, matter.orderId, matter.since],
  );
  return rows[0]?.id ?? null;
}

/**
 * Newest first, one page at a time. Keyset pagination on (created_at, id) keeps pages stable while
 * cases are being opened: a new case lands before the first page, never shifting later ones.
 * Throws InvalidCursorError for a cursor this service did not issue.
 */
export async function listCases(
  pool: Pool,
  filter: CaseListFilter,
): Promise<{ items: CaseRecord[]; nextCursor: string | null }> {
  const params = new SqlParams();
  const conditions: string[] = [];
  if (filter.status !== undefined) conditions.push(`status = ${params.add(filter.status)}`);
  if (filter.type !== undefined) conditions.push(`type = ${params.add(filter.type)}`);
  if (filter.channel !== undefined) conditions.push(`channel = ${params.add(filter.channel)}`);
  if (filter.customerId !== undefined) conditions.push(`customer_id = ${params.add(filter.customerId)}`);
  if (filter.supplierId !== undefined) conditions.push(`details->>'supplierId' = ${params.add(filter.supplierId)}`);
  if (filter.breached !== undefined) conditions.push(`breached = ${params.add(filter.breached)}`);
  if (filter.queueScope !== undefined) conditions.push(inQueueScopeSql(filter.queueScope, params.add));
  if (filter.cursor !== undefined) {
    const after = decodeCursor(filter.cursor);
    conditions.push(`(created_at, id) < (${params.add(after.createdAt)}::timestamptz, ${params.add(after.id)})`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  // One row more than the page tells whether another page exists without counting.
  const result = await pool.query<CaseRow>(
    `SELECT ${caseColumns} FROM cases ${where} ORDER BY created_at DESC, id DESC LIMIT ${params.add(filter.limit + 1)}`,
    params.values,
  );
  const items = result.rows.slice(0, filter.limit).map(toCaseRecord);
  const last = items[items.length - 1];
  const nextCursor = result.rows.length > filter.limit && last ? encodeCursor(last) : null;
  return { items, nextCursor };
}

export async function getTimeline(pool: Pool, caseId: string): Promise<CaseEvent[]> {
  const result = await pool.query<{
    case_id: string;
    seq: number;
    at: string;
    type: string;
    actor_kind: CaseEvent['actor']['kind'];
    actor_id: string;
    data: CaseEvent['data'];
  }>('SELECT case_id, seq, at, type, actor_kind, actor_id, data FROM case_events WHERE case_id = $1 ORDER BY seq', [
    caseId,
  ]);
  return result.rows.map((row) => ({
    caseId: row.case_id,
    seq: row.seq,
    at: row.at,
    type: row.type,
    actor: { kind: row.actor_kind, id: row.actor_id },
    data: row.data,
  }));
}
