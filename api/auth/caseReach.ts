import type { CaseListFilter, CaseRecord } from '../../domain';
import type { Caller } from './access';
import { queueFilter, queueHolds } from './queues';

/** Whether the caller's role reaches this case on the route at hand. */
export function reaches({ principal, reach }: Caller, record: CaseRecord): boolean {
  // A tracking link's token (a `case` claim) reaches its own case and no other.
  if (principal.case !== undefined && principal.case !== record.id) return false;
  switch (reach) {
    case 'all':
      return true;
    case 'queue':
      return queueHolds(principal, record);
    case 'own':
      return record.customerId === principal.sub;
    case 'assigned':
      return record.details.supplierId === principal.sub;
  }
}

/** A list request narrowed to the cases the caller reaches, whatever they asked for. */
export function withinReach({ principal, reach }: Caller, filter: CaseListFilter): CaseListFilter {
  switch (reach) {
    case 'all':
      return filter;
    case 'queue':
      return { ...filter, ...queueFilter(principal) };
    case 'own':
      return { ...filter, customerId: principal.sub };
    case 'assigned':
      return { ...filter, supplierId: principal.sub };
  }
}
