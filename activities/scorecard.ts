import type { Pool } from 'pg';
import { recordSupplierStep } from '../db/supplierScorecard';
import type { ScorecardPort } from './types';

/** The scorecard port over PostgreSQL; idempotency per (case, step) lives in recordSupplierStep. */
export function createScorecardActivities(pool: Pool): ScorecardPort {
  return {
    recordSupplierStep: (record) => recordSupplierStep(pool, record),
  };
}
