import type { Pool, PoolClient } from 'pg';
import type { StartCursor } from '../activities/types';
import type { PendingStart } from '../domain';

/**
 * Starts of case workflows not yet confirmed (pending_case_starts): the API writes one with the
 * case, in the same transaction, and removes it once the workflow runs. One left behind is a case
 * whose API died in between; the reconciler (activities/caseStarts.ts) settles it.
 */

/** A case's start as kept; a case opened before starts were kept has none of the three. */
export interface KeptStart {
  caseId: string;
  type: string;
  requestedAt: string;
  start: { workflowType: string; input: unknown } | null;
}

/** Writes the start with the case, inside openCase's transaction. */
export async function keepPendingStart(client: PoolClient, caseId: string, requestedAt: string, start: PendingStart): Promise<void> {
  await client.query(
    `INSERT INTO pending_case_starts (case_id, task_queue, workflow_type, input, requested_at) VALUES ($1, $2, $3, $4, $5)`,
    [caseId, start.taskQueue, start.workflowType, JSON.stringify(start.input), requestedAt],
  );
}

/** The workflow runs (or ran): its start need not be kept any more. */
export async function dropPendingStart(pool: Pool, caseId: string): Promise<void> {
  await pool.query('DELETE FROM pending_case_starts WHERE case_id = $1', [caseId]);
}

interface PendingRow {
  case_id: string;
  type: string;
  requested_at: string;
  workflow_type: string | null;
  input: unknown;
}

/**
 * The fleet's pending starts requested before `olderThan`, oldest first, after `after`: at most
 * `limit`, with those kept before any fleet kept its own.
 */
export async function pendingStarts(
  pool: Pool,
  page: { taskQueue: string; olderThan: string; after: StartCursor | null; limit: number },
): Promise<KeptStart[]> {
  const { rows } = await pool.query<PendingRow>(
    `SELECT p.case_id, c.type, p.requested_at, p.workflow_type, p.input
       FROM pending_case_starts p JOIN cases c ON c.id = p.case_id
      WHERE (p.task_queue = $1 OR p.task_queue IS NULL)
        AND p.requested_at < $2
        AND (p.requested_at, p.case_id) > ($3::timestamptz, $4::text)
      ORDER BY p.requested_at, p.case_id
      LIMIT $5`,
    [page.taskQueue, page.olderThan, page.after?.requestedAt ?? '-infinity', page.after?.caseId ?? '', page.limit],
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    type: row.type,
    requestedAt: row.requested_at,
    start: row.workflow_type === null ? null : { workflowType: row.workflow_type, input: row.input },
  }));
}

/**
 * Withdraws a case whose workflow cannot be started, recording why: the case goes with its
 * timeline, line claims and pending start, so the customer's retry opens it afresh, as when the
 * API's own start fails. A case that recorded more than its request has a workflow after all, and
 * is kept (false). Withdrawn again after a retry reopened it, the record says the latest why.
 */
export async function withdrawCase(pool: Pool, caseId: string, reason: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `WITH gone AS (
       DELETE FROM cases WHERE id = $1 AND last_seq = 1 RETURNING id, type, customer_id, created_at
     )
     INSERT INTO case_withdrawals (case_id, type, customer_id, reason, requested_at, withdrawn_at)
     SELECT id, type, customer_id, $2, created_at, now() FROM gone
     ON CONFLICT (case_id) DO UPDATE SET
       reason = excluded.reason, requested_at = excluded.requested_at, withdrawn_at = excluded.withdrawn_at`,
    [caseId, reason],
  );
  if (rowCount === 1) return true;
  await dropPendingStart(pool, caseId);
  return false;
}
