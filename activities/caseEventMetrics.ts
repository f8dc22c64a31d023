import type { Pool } from 'pg';
import { getCase } from '../db/caseQueries';
import { casesClosed, slaBreaches, slaWarnings, SUPPLIER_RESPONSE_CLOCK } from '../metrics/caseMetrics';
import type { CaseEventRecord } from './types';

type Count = () => void;
const nothing: Count = () => undefined;

function clockOf(event: CaseEventRecord): string | undefined {
  if (event.type === 'supplier_sla.breached') return SUPPLIER_RESPONSE_CLOCK;
  const { clock } = event.data;
  return typeof clock === 'string' ? clock : undefined;
}

/**
 * What recording `event` adds to the case counters, to be called once the case store says the
 * event is new: a retried activity finds it recorded and counts nothing. Whatever the count needs
 * is read first, so a read that fails fails the attempt before anything is written, and the retry
 * still counts.
 */
export async function caseEventCount(pool: Pool, event: CaseEventRecord): Promise<Count> {
  const clock = clockOf(event);
  switch (event.type) {
    case 'sla.warning':
      return clock ? () => slaWarnings.inc({ clock }) : nothing;
    case 'sla.breached':
    case 'supplier_sla.breached':
      return clock ? () => slaBreaches.inc({ clock }) : nothing;
    case 'case.closed': {
      // The event does not name the case's type; its record does.
      const record = await getCase(pool, event.caseId);
      const { outcome } = event.patch;
      return record && outcome ? () => casesClosed.inc({ type: record.type, outcome }) : nothing;
    }
    default:
      return nothing;
  }
}
