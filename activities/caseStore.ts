import type { Pool } from 'pg';
import { recordCaseEvent } from '../db/caseRecords';
import { caseEventCount } from './caseEventMetrics';
import type { CaseStorePort } from './types';

/** The case-store port over PostgreSQL; idempotency and ordering live in recordCaseEvent. */
export function createCaseStoreActivities(pool: Pool): CaseStorePort {
  return {
    async recordCaseEvent(event) {
      const count = await caseEventCount(pool, event);
      const recorded = await recordCaseEvent(pool, event);
      if (!recorded.duplicate) count();
      return recorded;
    },
  };
}
