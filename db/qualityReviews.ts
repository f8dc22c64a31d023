import type { Pool } from 'pg';
import type { Rubric } from '../config/policies/qualityPolicy';
import type { CaseType, Channel } from '../domain';
import type { ProcessCheck, QualityStratum, RubricScores } from '../domain/quality';

/** The reads and the one write behind the quality routes (docs/quality.md). */

export interface QualityReview {
  reviewer: string;
  reviewedAt: string;
  scores: RubricScores;
  /** Weighted, 0–100. */
  score: number;
  passed: boolean;
  comment: string | null;
}

export interface QualitySample {
  caseId: string;
  type: CaseType;
  channel: Channel;
  outcome: string | null;
  closedAt: string;
  dueAt: string;
  check: ProcessCheck;
  review: QualityReview | null;
}

export interface QualitySampleDay {
  day: string;
  drawnAt: string;
  policyVersion: string;
  share: number;
  timeZone: string;
  rubric: Rubric;
  strata: QualityStratum[];
  items: QualitySample[];
}

interface SampleRow {
  case_id: string;
  type: CaseType;
  channel: Channel;
  outcome: string | null;
  closed_at: string;
  due_at: string;
  process_check: ProcessCheck;
  reviewer: string | null;
  reviewed_at: string | null;
  scores: RubricScores | null;
  score: number | null;
  passed: boolean | null;
  comment: string | null;
}

function reviewOf(row: Pick<SampleRow, 'reviewer' | 'reviewed_at' | 'scores' | 'score' | 'passed' | 'comment'>): QualityReview | null {
  if (row.reviewer === null || row.reviewed_at === null || row.scores === null) return null;
  return { reviewer: row.reviewer, reviewedAt: row.reviewed_at, scores: row.scores, score: row.score!, passed: row.passed!, comment: row.comment };
}

const reviewColumns = 's.reviewer, s.reviewed_at, s.scores, s.score::float8 AS score, s.passed, s.comment';

/** The day's sample with each case's check and review, by type, channel and case; null when the day was not drawn. */
export async function qualitySampleDay(pool: Pool, day: string): Promise<QualitySampleDay | null> {
  const days = await pool.query<Omit<QualitySampleDay, 'day' | 'items'> & { share: string }>(
    `SELECT drawn_at AS "drawnAt", policy_version AS "policyVersion", share, time_zone AS "timeZone", rubric, strata
       FROM quality_sample_days WHERE day = $1`,
    [day],
  );
  const drawn = days.rows[0];
  if (!drawn) return null;
  const { rows } = await pool.query<SampleRow>(
    `SELECT s.case_id, c.type, c.channel, c.outcome, c.closed_at, s.due_at, s.process_check, ${reviewColumns}
       FROM quality_samples s JOIN cases c ON c.id = s.case_id
      WHERE s.day = $1 ORDER BY c.type, c.channel, s.case_id`,
    [day],
  );
  return {
    day,
    ...drawn,
    share: Number(drawn.share),
    items: rows.map((row) => ({
      caseId: row.case_id,
      type: row.type,
      channel: row.channel,
      outcome: row.outcome,
      closedAt: row.closed_at,
      dueAt: row.due_at,
      check: row.process_check,
      review: reviewOf(row),
    })),
  };
}

/** A sampled case with the rubric of its day, which its review is scored by; null when never sampled. */
export async function sampleToReview(
  pool: Pool,
  caseId: string,
): Promise<{ day: string; rubric: Rubric; review: QualityReview | null } | null> {
  const { rows } = await pool.query<Pick<SampleRow, 'reviewer' | 'reviewed_at' | 'scores' | 'score' | 'passed' | 'comment'> & { day: string; rubric: Rubric }>(
    `SELECT s.day::text AS day, d.rubric, ${reviewColumns}
       FROM quality_samples s JOIN quality_sample_days d USING (day) WHERE s.case_id = $1`,
    [caseId],
  );
  const row = rows[0];
  return row ? { day: row.day, rubric: row.rubric, review: reviewOf(row) } : null;
}

/** Writes the review unless one is there: false when another reviewer's came first. */
export async function recordQualityReview(pool: Pool, caseId: string, review: QualityReview): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE quality_samples SET reviewer = $2, reviewed_at = $3, scores = $4, score = $5, passed = $6, comment = $7
      WHERE case_id = $1 AND reviewed_at IS NULL`,
    [caseId, review.reviewer, review.reviewedAt, JSON.stringify(review.scores), review.score, review.passed, review.comment],
  );
  return rowCount === 1;
}
