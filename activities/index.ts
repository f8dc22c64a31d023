import type { Pool } from 'pg';
import { createCaseStoreActivities } from './caseStore';
import { createInventoryActivities } from './inventory';
import { createLogisticsActivities } from './logistics';
import { createNotificationActivities } from './notification';
import { createPaymentsActivities } from './payments';
import type { Activities } from './types';

export interface PartnerUrls {
  inventory: string;
  logistics: string;
  payments: string;
  notification: string;
}

/** Wires every port to its adapter; the worker registers the result as its activities. */
export function createActivities(deps: { pool: Pool; partners: PartnerUrls; timeoutMs: number }): Activities {
  const { partners, timeoutMs } = deps;
  return {
    ...createInventoryActivities({ baseUrl: partners.inventory, timeoutMs }),
    ...createLogisticsActivities({ baseUrl: partners.logistics, timeoutMs }),
    ...createPaymentsActivities({ baseUrl: partners.payments, timeoutMs }),
    ...createNotificationActivities({ baseUrl: partners.notification, timeoutMs }),
    ...createCaseStoreActivities(deps.pool),
  };
}
