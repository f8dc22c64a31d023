import type { Pool } from 'pg';
import type { ErasureGround } from '../domain/personalData';
import { decodeCursor, encodeCursor, InvalidCursorError, type ListPosition } from './listCursor';

type Queryable = Pick<Pool, 'query'>;

/** An erasure, an export or a retention run, as the audit keeps it (privacy_requests). */
export interface PrivacyRequest {
  id: string;
  kind: 'erasure' | 'export' | 'retention';
  /** Whose data, by customer key id (config/dataKeys.ts); null for a retention run. */
  customerKeyId: string | null;
  /** Why it was erased; null for an export. */
  ground: ErasureGround | null;
  /** The token's role and subject; a customer asking for their own data by their customer key id, a retention run as the schedule. */
  requester: { role: string; id: string };
  at: string;
  /** How many of each thing the request erased or handed out. */
  counts: Record<string, number | string>;
}

export type NewPrivacyRequest = Omit<PrivacyRequest, 'id' | 'at'>;

/** Recorded in the transaction of what it audits, so there is no erasure without its record. */
export async function recordPrivacyRequest(db: Queryable, request: NewPrivacyRequest): Promise<PrivacyRequest> {
  const { rows } = await db.query<{ id: string; at: string }>(
    `INSERT INTO privacy_requests (kind, customer_key_id, ground, requester_role, requester, counts)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text, at`,
    [request.kind, request.customerKeyId, request.ground, request.requester.role, request.requester.id, JSON.stringify(request.counts)],
  );
  return { ...request, ...rows[0]! };
}

/** The position a cursor names; the ids of this list are whole numbers. */
function requestPosition(cursor: string): ListPosition {
  const position = decodeCursor(cursor);
  if (!/^\d{1,18}$/.test(position.id)) throw new InvalidCursorError();
  return position;
}

/** Newest first, a page at a time; `customerKeyIds` narrows to one customer's (under each master key). */
export async function listPrivacyRequests(
  pool: Pool,
  filter: { limit: number; cursor?: string; customerKeyIds?: string[] },
): Promise<{ items: PrivacyRequest[]; nextCursor: string | null }> {
  const after = filter.cursor ? requestPosition(filter.cursor) : null;
  const { rows } = await pool.query<{
    id: string;
    kind: PrivacyRequest['kind'];
    customer_key_id: string | null;
    ground: ErasureGround | null;
    requester_role: string;
    requester: string;
    at: string;
    counts: PrivacyRequest['counts'];
  }>(
    `SELECT id::text, kind, customer_key_id, ground, requester_role, requester, at, counts FROM privacy_requests
      WHERE ($1::timestamptz IS NULL OR (at, id) < ($1, $2::bigint))
        AND ($3::text[] IS NULL OR customer_key_id = ANY ($3))
      ORDER BY at DESC, id DESC LIMIT $4`,
    [after?.createdAt ?? null, after?.id ?? null, filter.customerKeyIds ?? null, filter.limit + 1],
  );
  const items = rows.slice(0, filter.limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    customerKeyId: r.customer_key_id,
    ground: r.ground,
    requester: { role: r.requester_role, id: r.requester },
    at: r.at,
    counts: r.counts,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor({ createdAt: last.at, id: last.id }) : null };
}
