import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { QualityPort } from '../../activities/types';
import { activityOptions } from '../../config/policies/activityOptions';
import type { QualitySampleInput, QualitySampleSummary } from './input';
import { dayBefore } from './sampleDay';
import { declareVersioning } from '../lib/versioning';

const quality = proxyActivities<QualityPort>(activityOptions.dailyJob);

/** Set by the schedule on every run it starts: the time the run was due (a backfill's, a trigger's now). */
const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * Draws the quality sample of one day (docs/quality.md): the cases closed the day before the run
 * was scheduled, a share of each type and channel, each with its process check, into the quality
 * queue. The draw is one transaction keyed by the day, so a second run of the day adds nothing.
 */
export async function dailyQualitySample(input: QualitySampleInput): Promise<QualitySampleSummary> {
  const info = workflowInfo();
  const due = info.typedSearchAttributes.get(scheduledStartTime) ?? info.runStartTime;
  const day = input.day ?? dayBefore(due, input.policy.timeZone);
  const summary = await quality.drawQualitySample({ day, policy: input.policy });
  const sampled = summary.strata.reduce((n, s) => n + s.sampled, 0);
  log.info('quality sample drawn', { day, drawnNow: summary.drawnNow, sampled, strata: summary.strata.length });
  return summary;
}

// A run of the daily job lasts minutes: it ends on the build that started it.
declareVersioning('PINNED', dailyQualitySample);
