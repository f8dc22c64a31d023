import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, Deadline } from '../../domain/case';
import type { PartnerKind } from '../../domain/partners';

/**
 * Messages every case workflow answers. The API speaks only these, so it needs no knowledge of
 * which process runs a case: each workflow validates actions and partner steps against its own
 * transition table and rejects invalid ones in the Update validator (nothing enters history).
 * Payloads arrive parsed: the API validated each with the schema its process's definition names
 * for that action or partner, so a workflow reads them as that schema's type (domain/process.ts).
 */

/** A person's action. actor and role come from their bearer token; requestId is the API request's id. */
export interface CaseActionRequest {
  action: string;
  actor: Actor;
  role: string;
  requestId: string;
  payload: Record<string, unknown>;
}

/** A partner's step, from a signed webhook; requestId is the API request that delivered it. */
export interface PartnerStepRequest {
  eventId: string;
  step: string;
  partner: { kind: PartnerKind; id: string };
  occurredAt: string;
  requestId: string;
  data: Record<string, unknown>;
}

/** A case given to an agent: by a supervisor (any case), or taken by an agent (onlyIfFree). */
export interface AssignRequest {
  agentId: string;
  /** A claim: only a case nobody else holds. */
  onlyIfFree: boolean;
  actor: Actor;
  role: string;
  requestId: string;
}

export interface StepAck {
  status: string;
}

export interface AssignmentAck extends StepAck {
  assignee: string | null;
}

/** The live view of one case, from the workflow itself. */
export interface CaseView {
  caseId: string;
  type: string;
  status: string;
  outcome: string | null;
  policyVersion: string;
  deadlines: Deadline[];
  allowedActions: string[];
  expectedSteps: string[];
  details: Record<string, unknown>;
}

export const caseActionUpdate = defineUpdate<StepAck, [CaseActionRequest]>('caseAction');
export const partnerStepUpdate = defineUpdate<StepAck, [PartnerStepRequest]>('partnerStep');
export const assignCaseUpdate = defineUpdate<AssignmentAck, [AssignRequest]>('assignCase');
export const caseViewQuery = defineQuery<CaseView>('caseView');

/** Failure types the API maps to HTTP answers. */
export const InvalidTransition = 'InvalidTransition';
export const UnknownPartner = 'UnknownPartner';
export const AlreadyAssigned = 'AlreadyAssigned';
/** A payload its schema allows but the case's pinned policy does not (a low rating without a reason). */
export const InvalidPayload = 'InvalidPayload';
export interface InvalidPayloadDetails {
  path: string;
  message: string;
}
export interface InvalidTransitionDetails {
  status: string;
  allowed: string[];
}
export interface AlreadyAssignedDetails {
  assignee: string;
}
