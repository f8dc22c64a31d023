import type { Pool } from 'pg';
import type { CustomerKeyRing } from '../db/customerKeyRing';
import { createCaseStartActivities } from './caseStarts';
import { createCaseStoreActivities } from './caseStore';
import { createCustomerActivities } from './customers';
import { createInstallerActivities } from './installer';
import { createInventoryActivities } from './inventory';
import { createKnowledgeActivities } from './knowledge';
import { createLogisticsActivities } from './logistics';
import { createNotificationActivities } from './notification';
import { recordingCustomerMessages } from './notificationLog';
import { createOrderActivities } from './orders';
import { createPartnerReviewActivities } from './partnerReview';
import { createPaymentsActivities } from './payments';
import { createQualityActivities } from './quality';
import { createRetentionActivities } from './retention';
import { createRoutingActivities } from './routing';
import { createScorecardActivities } from './scorecard';
import { createSupplierActivities } from './supplier';
import { linkingCustomerMessages, type TrackingLinks } from './trackingLinks';
import type { Activities } from './types';

/** The API also reads orders and customers itself, to check an intake request against them. */
export { createCustomerActivities, createOrderActivities };

export interface PartnerUrls {
  inventory: string;
  logistics: string;
  payments: string;
  notification: string;
  supplier: string;
  /** Every installer, each under /installers/:installerId. */
  installer: string;
  orders: string;
  customers: string;
}

/** Wires every port to its adapter; the worker registers the result as its activities. */
/** `trackingLinks`: how messages to customers link to their case's page; none, no link. */
export function createActivities(deps: {
  pool: Pool;
  partners: PartnerUrls;
  timeoutMs: number;
  /** Customers' data keys: retention destroys those of customers it leaves with nothing. */
  customerKeys: CustomerKeyRing;
  trackingLinks?: TrackingLinks;
  /** The build this worker runs (WORKER_BUILD_ID): each case it records on keeps it (docs/versioning.md). */
  buildId?: string;
}): Activities {
  const { partners, timeoutMs } = deps;
  const customers = createCustomerActivities({ baseUrl: partners.customers, timeoutMs });
  const gateway = createNotificationActivities({ baseUrl: partners.notification, timeoutMs }, customers);
  return {
    ...createInventoryActivities({ baseUrl: partners.inventory, timeoutMs }),
    ...createLogisticsActivities({ baseUrl: partners.logistics, timeoutMs }),
    ...createPaymentsActivities({ baseUrl: partners.payments, timeoutMs }),
    // A message to a customer looks their address up in the customer system when it goes out, and
    // is recorded once the gateway accepts it (the quality check counts them: docs/quality.md).
    ...recordingCustomerMessages(deps.trackingLinks ? linkingCustomerMessages(gateway, deps.trackingLinks) : gateway, deps.pool),
    ...createSupplierActivities({ baseUrl: partners.supplier, timeoutMs }),
    ...createInstallerActivities({ baseUrl: partners.installer, timeoutMs }),
    ...createOrderActivities({ baseUrl: partners.orders, timeoutMs }),
    ...customers,
    ...createScorecardActivities(deps.pool),
    ...createPartnerReviewActivities(deps.pool),
    ...createRetentionActivities(deps.pool, deps.customerKeys),
    ...createRoutingActivities(deps.pool),
    ...createQualityActivities(deps.pool),
    ...createKnowledgeActivities(deps.pool),
    ...createCaseStoreActivities(deps.pool, deps.buildId),
    ...createCaseStartActivities(deps.pool),
  };
}
