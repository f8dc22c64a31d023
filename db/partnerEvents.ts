import type { Pool } from 'pg';
import type { PartnerKind } from '../domain/partners';

/** A partner's event as the webhook took it: who sent it under which id, what it said (hashed), and what it was about. */
export interface PartnerEventUse {
  partner: { kind: PartnerKind; id: string };
  eventId: string;
  eventHash: string;
  caseId: string;
  step: string;
  occurredAt: string;
}

/** The use that holds the event id: this one, or an earlier one; `first` says which. */
export interface PartnerEventClaim extends PartnerEventUse {
  receivedAt: string;
  first: boolean;
}

interface ClaimRow {
  event_hash: string;
  case_id: string;
  step: string;
  occurred_at: string;
  received_at: string;
  first: boolean;
}

/**
 * A delivery whose INSERT met a concurrent one's row still uncommitted waits for it and then does
 * nothing, while its SELECT reads the snapshot from before that row was committed: neither yields
 * a row. Asked again, the SELECT sees it; a third miss means the id keeps being given back.
 */
const CLAIM_ATTEMPTS = 3;

/**
 * Records the event under its partner's id for it, unless the id is taken, and answers the use
 * that holds it. The SELECT reads the snapshot from before the INSERT, so at most one of the two
 * yields a row; none when another delivery of the event inserted it meanwhile, and then it asks again.
 */
export async function claimPartnerEvent(pool: Pool, use: PartnerEventUse): Promise<PartnerEventClaim> {
  for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt += 1) {
    const row = await claimOnce(pool, use);
    if (row) {
      return {
        partner: use.partner,
        eventId: use.eventId,
        eventHash: row.event_hash,
        caseId: row.case_id,
        step: row.step,
        occurredAt: row.occurred_at,
        receivedAt: row.received_at,
        first: row.first,
      };
    }
  }
  throw new Error(`partner event ${use.partner.kind}:${use.partner.id}:${use.eventId} was neither recorded nor found in ${CLAIM_ATTEMPTS} attempts`);
}

async function claimOnce(pool: Pool, use: PartnerEventUse): Promise<ClaimRow | undefined> {
  const key = [use.partner.kind, use.partner.id, use.eventId];
  const { rows } = await pool.query<ClaimRow>(
    `WITH inserted AS (
       INSERT INTO partner_events (partner_kind, partner_id, event_id, event_hash, case_id, step, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (partner_kind, partner_id, event_id) DO NOTHING
       RETURNING event_hash, case_id, step, occurred_at, received_at, true AS first
     )
     SELECT * FROM inserted
     UNION ALL
     SELECT event_hash, case_id, step, occurred_at, received_at, false FROM partner_events
      WHERE partner_kind = $1 AND partner_id = $2 AND event_id = $3`,
    [...key, use.eventHash, use.caseId, use.step, use.occurredAt],
  );
  return rows[0];
}

/** Gives the id back: the case turned out not to be the partner's, so the event was never about anything of theirs. */
export async function releasePartnerEvent(pool: Pool, use: Pick<PartnerEventUse, 'partner' | 'eventId'>): Promise<void> {
  await pool.query('DELETE FROM partner_events WHERE partner_kind = $1 AND partner_id = $2 AND event_id = $3', [
    use.partner.kind,
    use.partner.id,
    use.eventId,
  ]);
}
