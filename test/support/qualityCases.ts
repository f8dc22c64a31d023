import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { recordCaseNotification } from '../../db/caseNotifications';
import { openCase, recordCaseEvent } from '../../db/caseRecords';
import type { CaseType, Channel } from '../../domain';
import { caseEvent, caseInput } from '../integration/db/caseStoreFixtures';

/** A step of a made-up closed case, and the customer messages recorded after it. */
export interface MadeStep {
  type: string;
  data?: Record<string, unknown>;
  sent?: string[];
}

/**
 * A case that closed at `closedAt` with this timeline between its request and its close, and the
 * messages the gateway accepted for it: what a day's quality draw reads. Ids look like the API's,
 * so the routes take them.
 */
export async function closedCase(
  pool: Pool,
  spec: { type: CaseType; channel: Channel; closedAt: string; outcome?: string; steps?: MadeStep[] },
): Promise<string> {
  const caseId = `case_${randomBytes(13).toString('hex')}`;
  const at = spec.closedAt;
  const opened = await openCase(pool, { ...caseInput({ type: spec.type, channel: spec.channel, createdAt: at }), caseId });
  expect(opened).toEqual({ kind: 'created' });
  for (const step of spec.steps ?? []) {
    await recordCaseEvent(pool, caseEvent(caseId, { type: step.type, at, data: step.data ?? {} }));
    for (const template of step.sent ?? []) {
      await recordCaseNotification(pool, { idempotencyKey: `${caseId}:${randomUUID()}`, caseId, template, messageId: randomUUID(), sentAt: at });
    }
  }
  const outcome = spec.outcome ?? 'resolved';
  await recordCaseEvent(pool, caseEvent(caseId, { type: 'case.closed', at, data: { outcome }, patch: { status: 'closed', outcome, closedAt: at } }));
  return caseId;
}

/** `count` plain closed cases of one stratum. */
export async function closedCases(pool: Pool, count: number, spec: Parameters<typeof closedCase>[1]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await closedCase(pool, spec));
  return ids;
}

/** Money moved twice, a breach nobody escalated, and a refund and a visit the customer was not told of. */
export const badCaseSteps: MadeStep[] = [
  { type: 'repair.ordered', sent: ['repair_ordered'] },
  { type: 'supplier_sla.breached', data: { supplierId: 'acme-repairs', awaiting: 'received' } },
  { type: 'visit.booked' },
  { type: 'refund.issued', data: { amount: 100 }, sent: ['refund_issued'] },
  { type: 'refund.issued', data: { amount: 100 } },
];

/** Noon UTC of a day: inside that calendar day in Europe/Berlin all year. */
export function noonOf(day: string): string {
  return `${day}T12:00:00.000Z`;
}

/** The day `days` before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
