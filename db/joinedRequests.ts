import type { Pool } from 'pg';

/** A request that joined an open case: the case, and the hash of the request's body. */
export interface JoinedRequest {
  caseId: string;
  requestHash: string;
}

/** The join recorded under this request id, if any. */
export async function findJoinedRequest(pool: Pool, requestId: string): Promise<JoinedRequest | null> {
  const { rows } = await pool.query<{ case_id: string; request_hash: string }>(
    'SELECT case_id, request_hash FROM joined_requests WHERE request_id = $1',
    [requestId],
  );
  return rows[0] ? { caseId: rows[0].case_id, requestHash: rows[0].request_hash } : null;
}

/**
 * Records that the request joins the case, before the case hears of it, and answers the join as
 * first recorded: this one, or an earlier request's with the same id that won a race.
 */
export async function recordJoinedRequest(pool: Pool, requestId: string, joined: JoinedRequest): Promise<JoinedRequest> {
  // The SELECT reads the snapshot from before the INSERT, so exactly one of the two yields a row.
  const { rows } = await pool.query<{ case_id: string; request_hash: string }>(
    `WITH inserted AS (
       INSERT INTO joined_requests (request_id, case_id, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (request_id) DO NOTHING
       RETURNING case_id, request_hash
     )
     SELECT case_id, request_hash FROM inserted
     UNION ALL
     SELECT case_id, request_hash FROM joined_requests WHERE request_id = $1`,
    [requestId, joined.caseId, joined.requestHash],
  );
  return { caseId: rows[0]!.case_id, requestHash: rows[0]!.request_hash };
}
