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
 * Records the event under its partner's id for it, unless the id is taken, and answers the use
 * that holds it. The SELECT reads the snapshot from before the INSERT, so exactly one of the two
 * yields a row, whichever of two concurrent deliveries wins.
 */
export async function claimPartnerEvent(pool: Pool, use: PartnerEventUse): Promise<PartnerEventClaim> {
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
  const row = rows[0]!;
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

/** Gives the id back: the case turned out not to be the partner's, so the event was never about anything of theirs. */
export async function releasePartnerEvent(pool: Pool, use: Pick<PartnerEventUse, 'partner' | 'eventId'>): Promise<void> {
  await pool.query('DELETE FROM partner_events WHERE partner_kind = $1 AND partner_id = $2 AND event_id = $3', [
    use.partner.kind,
    use.partner.id,
    use.eventId,
  ]);
}
