import type { Pool } from 'pg';
import type { Actor, RequestAudit } from '../domain';
import { recordCaseEventIn } from './caseRecords';
import { inTransaction } from './transaction';

export type AssignOutcome = { kind: 'assigned' } | { kind: 'closed' } | { kind: 'held'; assignee: string };

export interface CaseAssignment {
  caseId: string;
  agentId: string;
  /** A claim: only a case nobody holds, or the claimer already does. */
  onlyIfFree: boolean;
  /** Unique per request, so a retried request records the assignment once. */
  eventKey: string;
  actor: Actor;
  audit: RequestAudit;
}

/**
 * Gives a case to an agent in the projection, for the processes whose workflow does not route
 * them (complaints route themselves), and records who did it. The decision and the write happen
 * under the case's row lock, so of two agents claiming at once exactly one gets the case.
 */
export function assignCase(pool: Pool, input: CaseAssignment): Promise<AssignOutcome> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ assignee: string | null; closed: boolean }>(
      'SELECT assignee, closed_at IS NOT NULL AS closed FROM cases WHERE id = $1 FOR UPDATE',
      [input.caseId],
    );
    const row = rows[0];
    if (!row) throw new Error(`case ${input.caseId} is not in the case store`);
    if (row.closed) return { kind: 'closed' };
    if (input.onlyIfFree && row.assignee !== null && row.assignee !== input.agentId) return { kind: 'held', assignee: row.assignee };
    await recordCaseEventIn(client, {
      caseId: input.caseId,
      eventKey: input.eventKey,
      type: 'case.assigned',
      at: new Date().toISOString(),
      actor: input.actor,
      data: { from: row.assignee, to: input.agentId, ...input.audit },
      patch: { assignee: input.agentId },
    });
    return { kind: 'assigned' };
  });
}
