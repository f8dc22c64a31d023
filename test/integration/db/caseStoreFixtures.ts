import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CaseEventRecord } from '../../../activities/types';
import { createPool } from '../../../db/pool';
import type { OpenCaseInput } from '../../../domain';

/** The run's database: test/globalSetup.ts creates and migrates it, then exports its URL. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run these tests through jest with the global setup');
  return url;
}

/** Large enough for the concurrency tests to really run their calls side by side. */
export function createTestPool(): Pool {
  return createPool(testDatabaseUrl(), 25);
}

/** Every call names a new case, customer and order, so test files can share one database. */
export function caseInput(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  const caseId = `case-${randomUUID()}`;
  return {
    caseId,
    idempotencyKey: `key-${randomUUID()}`,
    requestHash: 'hash-a',
    type: 'return',
    status: 'requested',
    channel: 'app',
    customerId: `cust-${randomUUID()}`,
    customerSegment: 'standard',
    orderId: `order-${randomUUID()}`,
    lines: [{ sku: 'SKU-1', quantity: 1 }],
    priority: 'normal',
    policyVersion: 'returns-v1',
    createdAt: new Date().toISOString(),
    actor: { kind: 'customer', id: 'cust' },
    audit: { requestId: `req-${randomUUID()}`, role: 'customer' },
    details: { reason: 'too_small' },
    ...overrides,
  };
}

export function caseEvent(caseId: string, overrides: Partial<CaseEventRecord> = {}): CaseEventRecord {
  return {
    caseId,
    eventKey: `event-${randomUUID()}`,
    type: 'case.noted',
    at: new Date().toISOString(),
    actor: { kind: 'system', id: 'orchestrator' },
    data: {},
    patch: {},
    ...overrides,
  };
}
