import type { Pool } from 'pg';
import type { CasePolicies } from '../config/policies/profiles';
import { findOpenCase } from '../db/caseQueries';
import type { CaseOpening, IntakeRecords, Process } from '../domain/process';
import { standingOf } from '../domain/segmentation';
import { processOf } from '../workflows/registry';
import { HttpProblem } from './problem';
import type { CreateCaseRequest } from './schemas/cases';
import type { FieldError } from './schemas/problem';
import { lookUp, type SystemsOfRecord } from './systemsOfRecord';

/**
 * Where a request goes: a new case (the process that runs it, what the records say, what opening
 * it involves), or an open case about the same matter it joins as an action.
 */
export type Intake =
  | { kind: 'open'; process: Process; records: IntakeRecords; opening: CaseOpening<object> }
  | { kind: 'join'; caseId: string; action: { action: string; payload: Record<string, unknown> } };

/**
 * What the systems of record say about the request: the customer, their segment from their order
 * history, and the order it names, which must be theirs. An unknown customer or order, or another
 * customer's order, is a 404 like a case that does not exist: a caller learns nothing of others.
 */
async function recordsFor(body: CreateCaseRequest, process: Process, systems: SystemsOfRecord, policies: CasePolicies, now: Date) {
  const customerId = body.customer.id;
  const orderId = process.intake.orderOf(body);
  const [customer, history, order] = await Promise.all([
    lookUp('the customer system', () => systems.customers.getCustomer({ customerId })),
    lookUp('the customer system', () => systems.customers.getOrderHistory({ customerId })),
    orderId === undefined ? null : lookUp('the order system', () => systems.orders.getOrder({ orderId })),
  ]);
  if (!customer) throw new HttpProblem('customer-not-found', `no customer ${customerId}`, { customerId });
  if (orderId !== undefined && order?.customerId !== customerId) {
    throw new HttpProblem('order-not-found', `no order ${orderId} of customer ${customerId}`, { orderId });
  }
  const standing = standingOf(history, customer.customerSince, policies.segments, now);
  return { customer, standing, order };
}

/**
 * The intake of the request's process, with what the systems of record say and the policies new
 * cases of that process pin. The body was validated by CreateCaseRequest, whose `type` picked this
 * very process's request schema. What the order does not allow is a 422 naming each field.
 */
export async function intakeFor(
  body: CreateCaseRequest,
  deps: { policies: CasePolicies; systems: SystemsOfRecord; pool: Pool },
  now: Date,
): Promise<Intake> {
  const process = processOf(body.type);
  const records = await recordsFor(body, process, deps.systems, deps.policies, now);
  const pinned: Record<string, unknown> = deps.policies;
  const policy = pinned[process.name];
  const join = process.intake.join;
  const orderId = records.order?.id;
  if (join && orderId) {
    const since = new Date(now.getTime() - join.windowMs(policy)).toISOString();
    const open = await findOpenCase(deps.pool, { types: process.caseTypes, customerId: records.customer.id, orderId, since });
    if (open) return { kind: 'join', caseId: open, action: join.action(body) };
  }
  const issues = process.intake.check(body, records, policy);
  if (issues.length > 0) {
    const errors: FieldError[] = issues.map((issue) => ({ in: 'body', path: issue.path.join('.'), message: issue.message }));
    throw new HttpProblem('not-on-order', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const opening = process.intake.open(body, { process: policy, sla: deps.policies.sla }, records);
  return { kind: 'open', process, records, opening };
}

/** What a request tells the open case it joins: the same on a replay, when intake is not run again. */
export function joinAction(body: CreateCaseRequest): Extract<Intake, { kind: 'join' }>['action'] | undefined {
  return processOf(body.type).intake.join?.action(body);
}
