import { ApplicationFailure, condition } from '@temporalio/workflow';
import type { Actor } from '../../domain/case';
import type { RequestAudit } from '../../domain/caseRecord';
import {
  AlreadyAssigned,
  type AlreadyAssignedDetails,
  type AssignRequest,
  type CaseActionRequest,
  InvalidPayload,
  type InvalidPayloadDetails,
  InvalidTransition,
  type InvalidTransitionDetails,
  type PartnerStepRequest,
  UnknownPartner,
} from './messages';

/**
 * Something a person or partner told the case (a decision, a parcel scan). Update handlers store
 * it and wait until the main flow has acted on it, so the HTTP caller's answer reflects the step
 * it caused; the main flow owns every transition, so there is one place that changes state.
 */
export class Fact<T> {
  acknowledged = false;
  /** The request that told it, for the audit trail: set where requests become facts (factHandlers). */
  audit?: RequestAudit;
  constructor(
    readonly value: T,
    readonly actor: Actor,
    readonly id: string,
  ) {}

  acknowledge(): void {
    this.acknowledged = true;
  }

  settled(): Promise<void> {
    return condition(() => this.acknowledged);
  }
}

/** What a fact of a slot carries. */
export type FactValue<F> = F extends Fact<infer T> | undefined ? T : never;

/** What the timeline records of the request behind a fact: its id, and the role it came with (a partner's is its kind). */
export function auditOf(req: CaseActionRequest | PartnerStepRequest | AssignRequest): RequestAudit {
  return { requestId: req.requestId, role: 'role' in req ? req.role : req.partner.kind };
}

export function invalidTransition(what: string, status: string, allowed: readonly string[]): ApplicationFailure {
  const details: InvalidTransitionDetails = { status, allowed: [...allowed] };
  const options = allowed.length ? allowed.join(', ') : 'none';
  return ApplicationFailure.nonRetryable(
    `${what} is not allowed while the case is ${status} (allowed now: ${options})`,
    InvalidTransition,
    details,
  );
}

/** A payload its schema allows but the case's pinned rules do not: a 422 at `path`. */
export function invalidPayload(path: string, message: string): ApplicationFailure {
  const details: InvalidPayloadDetails = { path, message };
  return ApplicationFailure.nonRetryable(message, InvalidPayload, details);
}

export function unknownPartner(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, UnknownPartner);
}

export function alreadyAssigned(caseId: string, assignee: string): ApplicationFailure {
  const details: AlreadyAssignedDetails = { assignee };
  return ApplicationFailure.nonRetryable(`case ${caseId} is held by ${assignee}; a supervisor can reassign it`, AlreadyAssigned, details);
}
