import type { Pool } from 'pg';
import { recordCaseEvent } from '../db/caseRecords';
import { caseEventCount } from './caseEventMetrics';
import type { CaseStorePort } from './types';

/**
 * The case-store port over PostgreSQL; idempotency and ordering live in recordCaseEvent. The
 * worker's build id, if it has one, goes with every event: the case row keeps which builds ran it.
 */
export function createCaseStoreActivities(pool: Pool, buildId?: string): CaseStorePort {
  return {
    async recordCaseEvent(event) {
      const count = await caseEventCount(pool, event);
      const recorded = await recordCaseEvent(pool, event, buildId);
      if (!recorded.duplicate) count();
      return recorded;
    },
  };
}
