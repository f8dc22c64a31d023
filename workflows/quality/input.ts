import type { QualityPolicy } from '../../config/policies/qualityPolicy';
import type { QualityStratum } from '../../domain/quality';

export const qualitySampleWorkflowType = 'dailyQualitySample';

/** What a day's draw starts with: the policy the schedule pins, and the day when not the one before the run. */
export interface QualitySampleInput {
  policy: QualityPolicy;
  /** YYYY-MM-DD; by default the day before the scheduled time, in the policy's time zone. */
  day?: string;
}

/** What a day's draw did; a second draw of the day finds the first one's and adds nothing. */
export interface QualitySampleSummary {
  day: string;
  drawnAt: string;
  /** False when the day had been drawn already (the schedule fired twice, or a backfill). */
  drawnNow: boolean;
  strata: QualityStratum[];
}
