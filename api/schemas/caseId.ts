import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CASE_ID_PATTERN } from '../../domain/caseId';

/**
 * A case id is derived from who asked and their Idempotency-Key, so a retried request lands on the
 * same id (and so the same workflow) even when the first attempt's answer was lost. Two customers
 * using the same key never collide because the customer id is part of the input.
 */
export function caseIdFor(customerId: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(customerId).update('\0').update(idempotencyKey).digest('hex');
  return `case_${digest.slice(0, 26)}`;
}

export const CaseId = z
  .string()
  .regex(CASE_ID_PATTERN, 'a case id: "case_" and 26 hex digits')
  .meta({ id: 'CaseId', example: 'case_3f1c0a9be27d4c51a8e06b9d2f' });

export const CaseIdParams = z.object({ id: CaseId });
