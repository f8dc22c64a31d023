import type { Pool, PoolClient } from 'pg';
import type { QualityPolicy } from '../config/policies/qualityPolicy';
import { type CheckedEvent, checkProcess, type ProcessCheck, type QualityStratum, stratumSampleSize } from '../domain/quality';
import type { QualitySampleSummary } from '../workflows/quality/input';
import { sentTemplates } from './caseNotifications';
import { inTransaction } from './transaction';

/**
 * A day's quality sample (docs/quality.md), drawn in one transaction: the day's row first, so a
 * second draw of the day (the schedule fired twice, a backfill) waits for the first and then
 * finds it. Which cases are drawn follows from the day alone: each stratum's closed cases in the
 * order of a hash seeded with the date.
 */

/** The day's bounds in the policy's time zone; PostgreSQL knows the day a clock change makes 23 or 25 hours. */
const closedThatDay = `closed_at >= ($1::date)::timestamp AT TIME ZONE $2 AND closed_at < ($1::date + 1)::timestamp AT TIME ZONE $2
  AND NOT EXISTS (SELECT 1 FROM quality_samples s WHERE s.case_id = cases.id)`;

async function closedStrata(client: PoolClient, day: string, timeZone: string): Promise<Omit<QualityStratum, 'sampled'>[]> {
  const { rows } = await client.query<{ type: QualityStratum['type']; channel: QualityStratum['channel']; closed: number }>(
    `SELECT type, channel, count(*)::int AS closed FROM cases WHERE ${closedThatDay} GROUP BY type, channel ORDER BY type, channel`,
    [day, timeZone],
  );
  return rows;
}

export interface DrawnCase {
  id: string;
  outcome: string | null;
}

async function drawnCases(client: PoolClient, day: string, timeZone: string, strata: QualityStratum[]): Promise<DrawnCase[]> {
  const { rows } = await client.query<DrawnCase>(
    `WITH ranked AS (
       SELECT id, type, channel, outcome,
              row_number() OVER (PARTITION BY type, channel ORDER BY md5($1::text || ':' || id), id) AS rank
         FROM cases WHERE ${closedThatDay})
     SELECT r.id, r.outcome FROM ranked r
       JOIN unnest($3::text[], $4::text[], $5::int[]) AS size (type, channel, n) USING (type, channel)
      WHERE r.rank <= size.n
      ORDER BY r.id`,
    [day, timeZone, strata.map((s) => s.type), strata.map((s) => s.channel), strata.map((s) => s.sampled)],
  );
  return rows;
}

async function timelines(db: Pool | PoolClient, caseIds: string[]): Promise<Map<string, CheckedEvent[]>> {
  const { rows } = await db.query<CheckedEvent & { case_id: string }>(
    'SELECT case_id, seq, type, at, data FROM case_events WHERE case_id = ANY ($1::text[]) ORDER BY case_id, seq',
    [caseIds],
  );
  const byCase = new Map<string, CheckedEvent[]>();
  for (const { case_id, ...event } of rows) byCase.set(case_id, [...(byCase.get(case_id) ?? []), event]);
  return byCase;
}

/** Each case's process check, from its timeline and the messages its customer was sent, by case id. */
export async function checkCases(
  db: Pool | PoolClient,
  cases: DrawnCase[],
  policy: QualityPolicy['processCheck'],
): Promise<Map<string, ProcessCheck>> {
  const ids = cases.map((c) => c.id);
  const events = await timelines(db, ids);
  const sent = await sentTemplates(db, ids);
  return new Map(
    cases.map((c) => [c.id, checkProcess({ timeline: events.get(c.id) ?? [], outcome: c.outcome, sentTemplates: sent.get(c.id) ?? [] }, policy)]),
  );
}

async function earlierDraw(client: PoolClient, day: string): Promise<QualitySampleSummary> {
  const { rows } = await client.query<{ drawn_at: string; strata: QualityStratum[] }>(
    'SELECT drawn_at, strata FROM quality_sample_days WHERE day = $1',
    [day],
  );
  const row = rows[0]!;
  return { day, drawnAt: row.drawn_at, drawnNow: false, strata: row.strata };
}

export async function drawQualitySample(pool: Pool, input: { day: string; policy: QualityPolicy; now: Date }): Promise<QualitySampleSummary> {
  const { day, policy, now } = input;
  const drawnAt = now.toISOString();
  return inTransaction(pool, async (client) => {
    const claimed = await client.query(
      `INSERT INTO quality_sample_days (day, drawn_at, policy_version, share, time_zone, rubric, strata)
       VALUES ($1, $2, $3, $4, $5, $6, '[]') ON CONFLICT (day) DO NOTHING`,
      [day, drawnAt, policy.version, policy.share, policy.timeZone, JSON.stringify(policy.rubric)],
    );
    if (claimed.rowCount === 0) return earlierDraw(client, day);

    const strata = (await closedStrata(client, day, policy.timeZone)).map((s) => ({ ...s, sampled: stratumSampleSize(s.closed, policy.share) }));
    const drawn = await drawnCases(client, day, policy.timeZone, strata);
    const ids = drawn.map((c) => c.id);
    const checks = await checkCases(client, drawn, policy.processCheck);
    await client.query(
      `INSERT INTO quality_samples (case_id, day, due_at, process_check)
       SELECT id, $2, $3, check_result::jsonb FROM unnest($1::text[], $4::text[]) AS drawn (id, check_result)`,
      [ids, day, new Date(now.getTime() + policy.reviewWithinMs).toISOString(), ids.map((id) => JSON.stringify(checks.get(id)))],
    );
    await client.query('UPDATE quality_sample_days SET strata = $2 WHERE day = $1', [day, JSON.stringify(strata)]);
    return { day, drawnAt, drawnNow: true, strata };
  });
}
