import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CasePatch } from '../../activities/types';
import { minutes } from '../../config/policies/duration';
import { openCase, recordCaseEvent } from '../../db/caseRecords';
import type { Actor, Channel } from '../../domain/case';
import type { CustomerClass } from '../../domain/customer';

/**
 * Cases written straight through the case store (openCase, recordCaseEvent: the writes the
 * workflows make), with timelines dated as a test needs them, for checking the KPI report's
 * arithmetic against figures worked out by hand.
 */

export interface KpiStep {
  /** Minutes after the case opened. */
  at: number;
  type: string;
  by?: Actor;
  data?: Record<string, unknown>;
  patch?: CasePatch;
  /** The build of the worker that records the step (docs/versioning.md); none: an unversioned one. */
  buildId?: string;
}

export interface KpiCase {
  type: 'return' | 'exchange' | 'repair' | 'complaint';
  channel: Channel;
  segment: CustomerClass;
  openedAt: string;
  /** Who typed the request in: the customer unless said. */
  openedBy?: Actor;
  steps: KpiStep[];
}

const system: Actor = { kind: 'system', id: 'orchestrator' };

/** A closing step: the outcome on the timeline and the record, as closeCase writes them. */
export function closed(at: number, outcome: string): KpiStep {
  return { at, type: 'case.closed', data: { outcome }, patch: { status: 'closed', outcome } };
}

/** Writes the case under `policyVersion`; resolves with its id. */
export async function writeKpiCase(pool: Pool, policyVersion: string, spec: KpiCase): Promise<string> {
  const caseId = `kpi-${randomUUID()}`;
  const openedBy = spec.openedBy ?? { kind: 'customer', id: `cust-${randomUUID().slice(0, 8)}` };
  await openCase(pool, {
    caseId,
    idempotencyKey: caseId,
    requestHash: 'kpi',
    type: spec.type,
    status: 'requested',
    channel: spec.channel,
    customerId: openedBy.kind === 'customer' ? openedBy.id : `cust-${randomUUID().slice(0, 8)}`,
    customerSegment: spec.segment,
    orderId: null,
    lines: [],
    priority: 'normal',
    policyVersion,
    createdAt: spec.openedAt,
    actor: openedBy,
    audit: { requestId: randomUUID(), role: openedBy.kind },
    details: {},
  });
  for (const [i, step] of spec.steps.entries()) {
    const at = new Date(Date.parse(spec.openedAt) + minutes(step.at)).toISOString();
    const closing = step.type === 'case.closed' ? { closedAt: at } : {};
    const event = {
      caseId,
      eventKey: `${i}:${step.type}`,
      type: step.type,
      at,
      actor: step.by ?? system,
      data: step.data ?? {},
      patch: { ...step.patch, ...closing },
    };
    await recordCaseEvent(pool, event, step.buildId);
  }
  return caseId;
}
