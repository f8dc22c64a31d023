import type { Pool } from 'pg';
import { createCaseStoreActivities } from './caseStore';
import { createInventoryActivities } from './inventory';
import { createLogisticsActivities } from './logistics';
import { createNotificationActivities } from './notification';
import { createPaymentsActivities } from './payments';
import { createRoutingActivities } from './routing';
import { createScorecardActivities } from './scorecard';
import { createSupplierActivities } from './supplier';
import type { Activities } from './types';

export interface PartnerUrls {
  inventory: string;
  logistics: string;
  payments: string;
  notification: string;
  supplier: string;
}

/** Wires every port to its adapter; the worker registers the result as its activities. */
export function createActivities(deps: { pool: Pool; partners: PartnerUrls; timeoutMs: number }): Activities {
  const { partners, timeoutMs } = deps;
  return {
    ...createInventoryActivities({ baseUrl: partners.inventory, timeoutMs }),
    ...createLogisticsActivities({ baseUrl: partners.logistics, timeoutMs }),
    ...createPaymentsActivities({ baseUrl: partners.payments, timeoutMs }),
    ...createNotificationActivities({ baseUrl: partners.notification, timeoutMs }),
    ...createSupplierActivities({ baseUrl: partners.supplier, timeoutMs }),
    ...createScorecardActivities(deps.pool),
    ...createRoutingActivities(deps.pool),
    ...createCaseStoreActivities(deps.pool),
  };
}
