import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, Deadline } from '../../domain';

/**
 * Messages every case workflow answers. The API speaks only these, so it needs no knowledge of
 * which process runs a case: each workflow validates actions and partner steps against its own
 * transition table and rejects invalid ones in the Update validator (nothing enters history).
 */

/** A person's action. actor and role come from their bearer token; requestId is the API request's id. */
export interface CaseActionRequest {
  action: string;
  actor: Actor;
  role: string;
  requestId: string;
  payload: Record<string, unknown>;
}

export type PartnerKind = 'carrier' | 'warehouse' | 'supplier';

/** A partner's step, from a signed webhook; requestId is the API request that delivered it. */
export interface PartnerStepRequest {
  eventId: string;
  step: string;
  partner: { kind: PartnerKind; id: string };
  occurredAt: string;
  requestId: string;
  data: Record<string, unknown>;
}

export interface StepAck {
  status: string;
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
export const caseViewQuery = defineQuery<CaseView>('caseView');

/** Failure types the API maps to HTTP answers. */
export const InvalidTransition = 'InvalidTransition';
export const UnknownPartner = 'UnknownPartner';
export interface InvalidTransitionDetails {
  status: string;
  allowed: string[];
}
