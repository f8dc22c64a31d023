import type { Pool } from 'pg';
import type { PartnerReason } from '../domain/partnerReasons';
import type { PartnerFlag, PartnerKind, PartnerRef, PartnerStanding } from '../domain/partnerStanding';
import { inTransaction } from './transaction';

/**
 * The partner flags the daily review keeps (partner_flags, docs/partners.md): one open flag per
 * partner below the policy, dated by the day the review first found it there, told to operations
 * once, cleared when the partner is no longer below.
 */

interface FlagRow {
  partner_kind: PartnerKind;
  partner_id: string;
  flag_day: string;
  /** An ISO string: our pools parse timestamps so (db/pool.ts). */
  flagged_at: string;
  reasons: PartnerReason[];
}

const flagColumns = 'partner_kind, partner_id, flag_day::text AS flag_day, flagged_at, reasons';

const flagOf = (row: FlagRow): PartnerFlag => ({
  kind: row.partner_kind,
  id: row.partner_id,
  flagDay: row.flag_day,
  flaggedAt: row.flagged_at,
  reasons: row.reasons,
});

/** Every open flag, for the scorecards to say since when a partner has been flagged. */
export async function openFlags(pool: Pool): Promise<PartnerFlag[]> {
  const { rows } = await pool.query<FlagRow>(`SELECT ${flagColumns} FROM partner_flags WHERE cleared_at IS NULL`);
  return rows.map(flagOf);
}

/**
 * Records what a review found at `at`, in one transaction: a partner below the policy without an
 * open flag gets one dated `day`, the review's local day (a flag cleared earlier the same day opens
 * again, as it was told); an open flag of a partner no longer below clears. Answers the open flags operations have
 * not been told of, those of earlier reviews whose notice did not go out included, and the
 * partners cleared. Running it again changes nothing.
 */
export function recordReview(
  pool: Pool,
  review: { standings: readonly PartnerStanding[]; at: Date; day: string },
): Promise<{ untold: PartnerFlag[]; cleared: PartnerRef[] }> {
  const { standings, at, day } = review;
  const below = standings.filter((s) => s.flagged);
  const kinds = below.map((s) => s.kind);
  const ids = below.map((s) => s.id);
  return inTransaction(pool, async (client) => {
    const cleared = await client.query<{ partner_kind: PartnerKind; partner_id: string }>(
      `UPDATE partner_flags SET cleared_at = $3
        WHERE cleared_at IS NULL AND (partner_kind, partner_id) NOT IN (SELECT * FROM unnest($1::text[], $2::text[]))
        RETURNING partner_kind, partner_id`,
      [kinds, ids, at],
    );
    await client.query(
      `INSERT INTO partner_flags (partner_kind, partner_id, flag_day, flagged_at, reasons)
       SELECT b.kind, b.id, $5::date, $4, b.reasons
         FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS b(kind, id, reasons)
        WHERE NOT EXISTS (SELECT 1 FROM partner_flags o WHERE o.partner_kind = b.kind AND o.partner_id = b.id AND o.cleared_at IS NULL)
       ON CONFLICT (partner_kind, partner_id, flag_day) DO UPDATE SET cleared_at = NULL`,
      [kinds, ids, below.map((s) => JSON.stringify(s.reasons)), at, day],
    );
    const untold = await client.query<FlagRow>(
      `SELECT ${flagColumns} FROM partner_flags WHERE cleared_at IS NULL AND told_at IS NULL ORDER BY partner_kind, partner_id`,
    );
    return {
      untold: untold.rows.map(flagOf),
      cleared: cleared.rows.map((row) => ({ kind: row.partner_kind, id: row.partner_id })),
    };
  });
}

/** Operations were told of these flags; a later review does not tell them again. */
export async function markFlagsTold(pool: Pool, flags: readonly Pick<PartnerFlag, 'kind' | 'id' | 'flagDay'>[], at: Date): Promise<void> {
  await pool.query(
    `UPDATE partner_flags f SET told_at = $4
       FROM unnest($1::text[], $2::text[], $3::date[]) AS b(kind, id, day)
      WHERE f.partner_kind = b.kind AND f.partner_id = b.id AND f.flag_day = b.day AND f.told_at IS NULL`,
    [flags.map((f) => f.kind), flags.map((f) => f.id), flags.map((f) => f.flagDay), at],
  );
}
