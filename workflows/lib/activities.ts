import { proxyActivities } from '@temporalio/workflow';
import type {
  CaseStorePort,
  InventoryPort,
  LogisticsPort,
  NotificationPort,
  PaymentsPort,
} from '../../activities/types';
import { activityOptions } from '../../config/policies/activityOptions';

/** One proxy per retry profile: partners, the case store and notifications fail differently. */
export const partners = proxyActivities<InventoryPort & LogisticsPort & PaymentsPort>(activityOptions.partner);
export const caseStore = proxyActivities<CaseStorePort>(activityOptions.caseStore);
export const notifications = proxyActivities<NotificationPort>(activityOptions.notification);

/** Idempotency keys come from the case and the step, never from randomness, so a replay reuses them. */
export function idempotencyKey(caseId: string, ...step: (string | number)[]): string {
  return [caseId, ...step].join(':');
}
