import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type {
  CaseStorePort,
  InstallerPort,
  InventoryPort,
  KnowledgePort,
  LogisticsPort,
  NotificationPort,
  OrderPort,
  PaymentsPort,
  RoutingPort,
  ScorecardPort,
  SupplierPort,
} from '../../activities/types';
import { activityOptions } from '../../config/policies/activityOptions';

/** One proxy per retry profile: partners, the case store and notifications fail differently. */
export const partners = proxyActivities<InventoryPort & LogisticsPort & PaymentsPort & SupplierPort & OrderPort>(
  activityOptions.partner,
);
/** Installers book, move and cancel technician visits: partners, retried as any partner is. */
export const installers = proxyActivities<InstallerPort>(activityOptions.partner);
export const caseStore = proxyActivities<CaseStorePort & ScorecardPort & RoutingPort>(activityOptions.caseStore);

/**
 * The knowledge base is our own PostgreSQL: local activities. A search is what a first response
 * waits on, bounded accordingly; counting an article's outcome may take as long as a timeline write.
 */
export const knowledgeSearch = proxyLocalActivities<Pick<KnowledgePort, 'searchKnowledge'>>(activityOptions.firstResponse);
export const knowledgeCounts = proxyLocalActivities<Pick<KnowledgePort, 'countArticleOutcome'>>(activityOptions.caseStore);
/** The order system asked for an order's status while the customer waits for a first response. */
export const orderLookup = proxyActivities<Pick<OrderPort, 'getOrder'>>(activityOptions.firstResponse);

/**
 * Whether this workflow started after the moves below: it then uses the local ports from its first
 * command. Module state is the workflow's own (this module is not preloaded, see
 * worker/workflowSource.ts), set once by chooseLocalPorts() at the start of every workflow.
 */
let localFromStart = false;

/**
 * Called first thing by every workflow (CaseJournal's constructor does it for cases). Deciding at
 * the start puts the patch marker at one fixed place in history. Deciding at the first call, as
 * the moves below do for cases started before this, puts it wherever that call falls, which a
 * replay may reach in another order when updates and local activities interleave differently.
 */
export function chooseLocalPorts(): void {
  localFromStart = patched('local-ports-from-start');
}

/**
 * A port whose calls moved from remote to local activities. Workflows that have passed `patchId`
 * call `local`; histories recorded before the move replay with `remote`, the commands they ran,
 * so cases in flight keep going. Drop the remote side once no case from before the move is open.
 */
function movedToLocal<Port extends object>(patchId: string, remote: Port, local: Port): Port {
  return new Proxy({} as Port, {
    get: (_target, operation) => (...args: unknown[]) => {
      const port = (localFromStart || patched(patchId) ? local : remote) as Record<PropertyKey, (...a: unknown[]) => unknown>;
      return port[operation]!(...args);
    },
  });
}

/**
 * The timeline's writes and the messages to customers, operations and suppliers run as local
 * activities, by the worker within the workflow task. Each is a short call (our own database; the
 * notification service) and idempotent by its key, so a round trip through the server (three
 * history events and one more workflow task per call) bought nothing but load: a new return made
 * four workflow tasks and two activity tasks before it waited for review, and now makes one
 * workflow task. Partner calls that move goods or money stay remote activities, visible in history
 * as tasks of their own and retried by the server for a day.
 */
export const journalStore = movedToLocal<CaseStorePort>(
  'case-journal-local-activities',
  caseStore,
  proxyLocalActivities<CaseStorePort>(activityOptions.caseStore),
);
export const notifications = movedToLocal(
  'notifications-local-activities',
  proxyActivities<NotificationPort>(activityOptions.notification),
  proxyLocalActivities<NotificationPort>(activityOptions.notification),
);

/** Idempotency keys come from the case and the step, never from randomness, so a replay reuses them. */
export function idempotencyKey(caseId: string, ...step: (string | number)[]): string {
  return [caseId, ...step].join(':');
}
