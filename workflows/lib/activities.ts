import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type {
  CaseStorePort,
  InventoryPort,
  LogisticsPort,
  NotificationPort,
  PaymentsPort,
  RoutingPort,
  ScorecardPort,
  SupplierPort,
} from '../../activities/types';
import { activityOptions } from '../../config/policies/activityOptions';

/** One proxy per retry profile: partners, the case store and notifications fail differently. */
export const partners = proxyActivities<InventoryPort & LogisticsPort & PaymentsPort & SupplierPort>(
  activityOptions.partner,
);
export const caseStore = proxyActivities<CaseStorePort & ScorecardPort & RoutingPort>(activityOptions.caseStore);
export const notifications = proxyActivities<NotificationPort>(activityOptions.notification);

/**
 * The timeline's writes as local activities, run by the worker within the workflow task: a few ms
 * against our own database, idempotent per event key, so a round trip through the server (three
 * history events and one more workflow task per state change) buys nothing. See CaseJournal.
 */
export const journalStore = proxyLocalActivities<CaseStorePort>(activityOptions.caseStore);

/** Idempotency keys come from the case and the step, never from randomness, so a replay reuses them. */
export function idempotencyKey(caseId: string, ...step: (string | number)[]): string {
  return [caseId, ...step].join(':');
}
