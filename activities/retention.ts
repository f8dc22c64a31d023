import type { Pool } from 'pg';
import type { CustomerKeyRing } from '../db/customerKeyRing';
import { eraseExpiredCases } from '../db/erasure';
import type { RetentionPort } from './types';

/** Retention over PostgreSQL: erases a batch of expired cases, and the data keys of customers left with none. */
export function createRetentionActivities(pool: Pool, keyRing: CustomerKeyRing): RetentionPort {
  return {
    eraseExpiredCases: ({ closedBefore, limit }) => eraseExpiredCases(pool, keyRing, new Date(closedBefore), limit),
  };
}
