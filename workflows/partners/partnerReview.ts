import { log, proxyActivities } from '@temporalio/workflow';
import type { NotificationPort, PartnerReviewPort } from '../../activities/types';
import { activityOptions } from '../../config/policies/activityOptions';
import type { PartnerFlag } from '../../domain/partnerStanding';
import { localDateOf } from '../lib/businessCalendar';
import { declareVersioning } from '../lib/versioning';
import type { PartnerReviewInput, PartnerReviewResult } from './input';

// It reads every partner's window of figures: a daily job's time, not a single case write's.
const store = proxyActivities<PartnerReviewPort>(activityOptions.dailyJob);
const notifications = proxyActivities<NotificationPort>(activityOptions.notification);

/** The review's local day, which dates the flags it opens. */
function dayOf(at: Date, timeZone: string): string {
  const { year, month, day } = localDateOf(at.getTime(), timeZone);
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** One notice per flag: a rerun, a retry or a later review's retelling carries the same key. */
function partnerFlagKey(flag: Pick<PartnerFlag, 'kind' | 'id' | 'flagDay'>): string {
  return ['partner-flag', flag.kind, flag.id, flag.flagDay].join(':');
}

/** Tells operations of one flag; false when the message could not go out (a later review tells it). */
async function tellOperations(flag: PartnerFlag): Promise<boolean> {
  const { kind, id, flagDay, reasons } = flag;
  try {
    await notifications.notifyParty({
      audience: 'operations',
      recipientId: 'operations',
      template: 'partner_flagged',
      data: { kind, id, flagDay, reasons, scorecard: `/v1/partners/${kind}/${id}` },
      idempotencyKey: partnerFlagKey(flag),
    });
    return true;
  } catch (err) {
    log.warn('partner flag notice not delivered; the next review tells it', { kind, id, flagDay, error: String(err) });
    return false;
  }
}

/**
 * The daily partner review (docs/partners.md): judges every supplier and brand against the partner
 * policy, opens a flag for each newly below it and clears those that recovered (one transaction),
 * then tells operations of each flag they have not heard of, once per flag.
 */
export async function partnerReview({ policy }: PartnerReviewInput): Promise<PartnerReviewResult> {
  const at = new Date();
  const day = dayOf(at, policy.timeZone);
  const { reviewed, untold, cleared } = await store.reviewPartners({ at: at.toISOString(), day, policy });
  const told: PartnerFlag[] = [];
  for (const flag of untold) if (await tellOperations(flag)) told.push(flag);
  if (told.length > 0) {
    await store.markPartnerFlagsTold({ at: at.toISOString(), flags: told.map(({ kind, id, flagDay }) => ({ kind, id, flagDay })) });
  }
  log.info('partners reviewed', { day, reviewed, told: told.length, cleared: cleared.length });
  return { day, reviewed, told: told.map(({ kind, id }) => ({ kind, id })), cleared };
}

// A run of the daily job lasts minutes: it ends on the build that started it.
declareVersioning('PINNED', partnerReview);
