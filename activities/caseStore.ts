import type { Pool } from 'pg';
import { recordCaseEvent } from '../db/caseRecords';
import type { CaseStorePort } from './types';

/** The case-store port over PostgreSQL; idempotency and ordering live in recordCaseEvent. */
export function createCaseStoreActivities(pool: Pool): CaseStorePort {
  return {
    recordCaseEvent: (event) => recordCaseEvent(pool, event),
  };
}
