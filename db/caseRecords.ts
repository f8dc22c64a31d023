import type { Pool, PoolClient } from 'pg';
import type { CaseEventRecord } from '../activities/types';
import type { OpenCaseInput, OpenCaseResult } from '../domain';
import { patchAssignments } from './casePatch';
import { keepPendingStart } from './caseStarts';
import { SqlParams } from './sqlParams';
import { inTransaction } from './transaction';

/**
 * The writes behind the case projection. Every concurrent race is settled by PostgreSQL itself
 * (unique keys with ON CONFLICT, row locks), never by reading first and writing after.
 */

/**
 * Records a new case, its first timeline event and its claims on order lines, all or nothing.
 * Only a created case is committed: every other outcome is an answer, and rolls back.
 */
export function openCase(pool: Pool, input: OpenCaseInput): Promise<OpenCaseResult> {
  return inTransaction(pool, (client) => openInTransaction(client, input), (result) => result.kind === 'created');
}

async function openInTransaction(client: PoolClient, input: OpenCaseInput): Promise<OpenCaseResult> {
  if (!(await insertCase(client, input))) return compareWithExisting(client, input);
  if (input.pendingStart) await keepPendingStart(client, input.caseId, input.createdAt, input.pendingStart);
  await appendEvent(client, 1, {
    caseId: input.caseId,
    eventKey: 'requested',
    type: 'case.requested',
    at: input.createdAt,
    actor: input.actor,
    data: { ...input.details, ...input.audit },
  });
  return claimLines(client, input);
}

/**
 * A concurrent open of the same case id waits here on the primary key until the first commits,
 * then inserts nothing; if the first rolled back, it inserts after all. A clash on
 * (customer_id, idempotency_key) under a different id is not absorbed: it would mean the API
 * derived two ids from one key, which must fail loudly.
 */
async function insertCase(client: PoolClient, input: OpenCaseInput): Promise<boolean> {
  const inserted = await client.query(
    `INSERT INTO cases (id, type, channel, customer_id, customer_segment, order_id, status, priority,
                        policy_version, details, idempotency_key, request_hash, created_at, updated_at, last_seq)
     VALUES ($1, $2, $3, $4, $5, $6, $13, $7, $8, $9, $10, $11, $12, $12, 1)
     ON CONFLICT (id) DO NOTHING`,
    [
      input.caseId,
      input.type,
      input.channel,
      input.customerId,
      input.customerSegment,
      input.orderId,
      input.priority,
      input.policyVersion,
      JSON.stringify(input.details),
      input.idempotencyKey,
      input.requestHash,
      input.createdAt,
      input.status,
    ],
  );
  return inserted.rowCount === 1;
}

async function compareWithExisting(client: PoolClient, input: OpenCaseInput): Promise<OpenCaseResult> {
  const existing = await client.query<{ request_hash: string }>('SELECT request_hash FROM cases WHERE id = $1', [
    input.caseId,
  ]);
  const row = existing.rows[0];
  // Only abandonCase removes cases, so this means a retry raced the cleanup of a failed start.
  if (!row) throw new Error(`case ${input.caseId} was removed while being opened again; retry`);
  return row.request_hash === input.requestHash ? { kind: 'replayed' } : { kind: 'idempotency_mismatch' };
}

/**
 * Claims every line in one statement. On a line already claimed, the no-op DO UPDATE locks the
 * claim and returns its holder atomically (DO NOTHING would return nothing, and a follow-up read
 * could miss a holder that closes in between). Lines go in sorted order so two cases claiming
 * overlapping lines queue behind each other instead of deadlocking.
 */
async function claimLines(client: PoolClient, input: OpenCaseInput): Promise<OpenCaseResult> {
  const skus = [...new Set(input.lines.map((line) => line.sku))].sort();
  const claims = await client.query<{ sku: string; case_id: string }>(
    `INSERT INTO open_case_lines (order_id, sku, case_id)
     SELECT $1, sku, $3 FROM unnest($2::text[]) AS sku
     ON CONFLICT (order_id, sku) DO UPDATE SET case_id = open_case_lines.case_id
     RETURNING sku, case_id`,
    [input.orderId, skus, input.caseId],
  );
  const taken = claims.rows.find((claim) => claim.case_id !== input.caseId);
  return taken ? { kind: 'line_conflict', caseId: taken.case_id, sku: taken.sku } : { kind: 'created' };
}

/**
 * Removes a case whose workflow could not be started, so the customer's retry opens it afresh.
 * A case that has recorded anything beyond its opening event has a running workflow after all
 * (the start only looked failed) and is kept.
 */
export async function abandonCase(pool: Pool, caseId: string): Promise<void> {
  // Its events and claims go with it through ON DELETE CASCADE.
  await pool.query('DELETE FROM cases WHERE id = $1 AND last_seq = 1', [caseId]);
}

/**
 * Appends one event and applies its patch, in one statement: one round trip, where a transaction
 * of lock, lookup, insert and update took six, and the timeline is what every step of every case
 * writes. The UPDATE takes the case's row lock, so concurrent recorders of one case get
 * consecutive seqs (each re-reads last_seq once the lock is its own). Recording an event key again
 * changes nothing and returns the first seq: the activity may be retried after its first attempt
 * committed, or, rarely, while it still runs, which the unique key settles.
 */
export async function recordCaseEvent(pool: Pool, event: CaseEventRecord, buildId?: string): Promise<{ seq: number; duplicate: boolean }> {
  const params = new SqlParams();
  const caseId = params.add(event.caseId);
  const eventKey = params.add(event.eventKey);
  const at = params.add(event.at);
  const assignments = [
    'last_seq = last_seq + 1',
    // An event may arrive with an older timestamp than one already applied; the record never ages.
    `updated_at = GREATEST(updated_at, ${at})`,
    // Once breached, always breached: the case missed a promise even if it recovers later.
    `breached = breached OR ${params.add(event.type.endsWith('.breached'))}`,
    ...patchAssignments(event.patch, params.add),
    ...(buildId ? [buildIdsAssignment(params.add(buildId))] : []),
  ];
  const sql = `
    WITH bumped AS (
      UPDATE cases SET ${assignments.join(', ')}
       WHERE id = ${caseId} AND NOT EXISTS (SELECT 1 FROM case_events WHERE case_id = ${caseId} AND event_key = ${eventKey})
      RETURNING last_seq AS seq
    ), appended AS (
      INSERT INTO case_events (case_id, seq, event_key, at, type, actor_kind, actor_id, data)
      SELECT ${caseId}, seq, ${eventKey}, ${at}, ${params.add(event.type)}, ${params.add(event.actor.kind)},
             ${params.add(event.actor.id)}, ${params.add(JSON.stringify(event.data))}
        FROM bumped
    ), freed AS (
      -- A closed case frees its order lines for whatever the customer asks next.
      DELETE FROM open_case_lines
       WHERE case_id = ${caseId} AND ${params.add(event.patch.closedAt !== undefined)} AND EXISTS (SELECT 1 FROM bumped)
    )
    SELECT (SELECT seq FROM bumped) AS seq,
           (SELECT seq FROM case_events WHERE case_id = ${caseId} AND event_key = ${eventKey}) AS earlier,
           EXISTS (SELECT 1 FROM cases WHERE id = ${caseId}) AS known`;
  try {
    const { rows } = await pool.query<{ seq: number | null; earlier: number | null; known: boolean }>(sql, params.values);
    const { seq, earlier, known } = rows[0]!;
    if (seq !== null) return { seq, duplicate: false };
    if (earlier !== null) return { seq: earlier, duplicate: true };
    // Thrown, not ignored: the activity retries until the case row exists or a human looks.
    throw new Error(known ? `case ${event.caseId} took no event ${event.eventKey}` : `case ${event.caseId} is not in the case store`);
  } catch (error) {
    if ((error as { constraint?: string }).constraint !== 'case_events_event_key_unique') throw error;
    // An attempt of the same write committed while this one waited for the row: it is recorded.
    const { rows } = await pool.query<{ seq: number }>('SELECT seq FROM case_events WHERE case_id = $1 AND event_key = $2', [
      event.caseId,
      event.eventKey,
    ]);
    return { seq: rows[0]!.seq, duplicate: true };
  }
}

/**
 * The builds that ran the case, in the order they ran it (docs/versioning.md): a worker of another
 * build than the last one to record adds its own, so a case that moved to a new build shows both.
 */
const buildIdsAssignment = (build: string) =>
  `build_ids = CASE WHEN build_ids[cardinality(build_ids)] = ${build} THEN build_ids ELSE array_append(build_ids, ${build}) END`;

async function appendEvent(client: PoolClient, seq: number, event: Omit<CaseEventRecord, 'patch'>): Promise<void> {
  await client.query(
    `INSERT INTO case_events (case_id, seq, event_key, at, type, actor_kind, actor_id, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      event.caseId,
      seq,
      event.eventKey,
      event.at,
      event.type,
      event.actor.kind,
      event.actor.id,
      JSON.stringify(event.data),
    ],
  );
}
