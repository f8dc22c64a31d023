import { z } from 'zod';
import { Rubric } from '../../config/policies/qualityPolicy';
import type { QualityReview as StoredReview, QualitySampleDay as StoredDay } from '../../db/qualityReviews';
import { CaseType, Channel } from '../../domain';
import { Text } from '../../domain/actionPayloads';
import { ProcessCheck, QualityStratum } from '../../domain/quality';
import { CaseId } from './caseId';

const Day = z.iso.date().meta({ description: 'A calendar day in the quality policy’s time zone', example: '2026-11-30' });
const instant = z.iso.datetime({ offset: true });

export const QualitySamplesQuery = z.object({ date: Day });

export const QualityDrawRequest = z.object({ day: Day }).meta({ id: 'QualityDrawRequest' });

export const QualityDrawStarted = z
  .object({
    day: Day,
    workflowId: z.string().meta({ description: 'The draw’s workflow; GET /v1/quality/samples?date= shows its sample once it is done' }),
  })
  .meta({ id: 'QualityDrawStarted' });

export const QualityReviewRequest = z
  .object({
    scores: z
      .record(z.string().max(64), z.number())
      .meta({ description: 'A whole number on the rubric’s scale for each of its criteria, by key', example: { greeting: 5, accuracy: 4 } }),
    comment: Text.optional(),
  })
  .meta({ id: 'QualityReviewRequest' });

export const QualityReview = z
  .object({
    reviewer: z.string(),
    reviewedAt: instant,
    scores: z.record(z.string(), z.number().int()),
    score: z.number().min(0).max(100).meta({ description: 'Weighted by the rubric, 0–100' }),
    passed: z.boolean().meta({ description: 'The score reaches the rubric’s pass mark' }),
    comment: z.string().nullable(),
  })
  .meta({ id: 'QualityReview' }) satisfies z.ZodType<StoredReview>;

export const QualityReviewAck = z.object({ caseId: CaseId, day: Day, review: QualityReview }).meta({ id: 'QualityReviewAck' });

export const QualitySampleDay = z
  .object({
    day: Day,
    drawnAt: instant,
    policyVersion: z.string(),
    share: z.number().meta({ description: 'The share of each stratum drawn, rounded up' }),
    timeZone: z.string(),
    rubric: Rubric,
    strata: z.array(QualityStratum),
    items: z.array(
      z
        .object({
          caseId: z.string(),
          type: CaseType,
          channel: Channel,
          outcome: z.string().nullable(),
          closedAt: instant,
          dueAt: instant.meta({ description: 'When its review is due' }),
          check: ProcessCheck,
          review: QualityReview.nullable().meta({ description: 'null until a reviewer scores it' }),
        })
        .meta({ id: 'QualitySample' }),
    ),
  })
  .meta({ id: 'QualitySampleDay' }) satisfies z.ZodType<StoredDay>;
