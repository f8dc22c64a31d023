import { setHandler } from '@temporalio/workflow';
import { allowedReturnActions, allowedReturnSteps, type ReturnAction, type ReturnPartnerStep } from '../../domain';
import { Fact, invalidTransition, unknownPartner } from '../lib/facts';
import {
  type CaseActionRequest,
  caseActionUpdate,
  caseViewQuery,
  type PartnerStepRequest,
  partnerStepUpdate,
} from '../lib/messages';
import type { ReturnCaseInput } from './input';
import type { ReturnFacts, ReturnState } from './state';

type ActionSlot = keyof Pick<ReturnFacts, 'review' | 'cancel' | 'survey'>;
const slotOfAction: Record<ReturnAction, ActionSlot> = {
  approve: 'review',
  reject: 'review',
  cancel: 'cancel',
  survey: 'survey',
};

type StepSlot = keyof Pick<ReturnFacts, 'pickedUp' | 'delivered' | 'inspection'>;
const slotOfStep: Record<ReturnPartnerStep, { slot: StepSlot; partner: PartnerStepRequest['partner']['kind'] }> = {
  picked_up: { slot: 'pickedUp', partner: 'carrier' },
  delivered: { slot: 'delivered', partner: 'carrier' },
  inspected: { slot: 'inspection', partner: 'warehouse' },
};

function actionFact(req: CaseActionRequest): ReturnFacts[ActionSlot] {
  const p = req.payload;
  switch (req.action as ReturnAction) {
    case 'approve':
    case 'reject':
      return new Fact(
        { decision: req.action as 'approve' | 'reject', note: (p.note ?? p.reason) as string | undefined },
        req.actor,
        req.requestId,
      );
    case 'cancel':
      return new Fact({ reason: p.reason as string | undefined }, req.actor, req.requestId);
    case 'survey':
      return new Fact({ score: Number(p.score), comment: p.comment as string | undefined }, req.actor, req.requestId);
  }
}

function stepFact(req: PartnerStepRequest): ReturnFacts[StepSlot] {
  const actor = { kind: req.partner.kind, id: req.partner.id };
  if (req.step === 'inspected') {
    return new Fact(
      {
        result: req.data.result as 'restockable' | 'damaged',
        notes: req.data.notes as string | undefined,
        occurredAt: req.occurredAt,
      },
      actor,
      req.eventId,
    );
  }
  return new Fact({ trackingNumber: String(req.data.trackingNumber), occurredAt: req.occurredAt }, actor, req.eventId);
}

/**
 * Validators refuse what the current step does not allow, so an invalid action or partner step is
 * answered at once and leaves nothing in history. Accepted ones become facts for the main flow.
 */
export function registerReturnHandlers(input: ReturnCaseInput, state: ReturnState): void {
  setHandler(
    caseActionUpdate,
    async (req) => {
      const slot = slotOfAction[req.action as ReturnAction];
      const fact = state.facts[slot] ?? actionFact(req);
      state.facts[slot] = fact as never;
      await fact!.settled();
      return { status: state.status };
    },
    {
      validator: (req) => {
        const allowed = allowedReturnActions(state.status);
        const slot = slotOfAction[req.action as ReturnAction];
        const pending = slot !== undefined && state.facts[slot] !== undefined && !state.facts[slot]!.acknowledged;
        if (!allowed.includes(req.action as ReturnAction) || (pending && slot !== 'cancel')) {
          throw invalidTransition(`action "${req.action}"`, state.status, allowed);
        }
      },
    },
  );

  setHandler(
    partnerStepUpdate,
    async (req) => {
      if (state.seenEvents.has(req.eventId)) return { status: state.status };
      state.seenEvents.add(req.eventId);
      const { slot } = slotOfStep[req.step as ReturnPartnerStep];
      const fact = stepFact(req);
      state.facts[slot] = fact as never;
      await fact!.settled();
      return { status: state.status };
    },
    {
      validator: (req) => {
        if (state.seenEvents.has(req.eventId)) return;
        const allowed = allowedReturnSteps(state.status);
        const step = slotOfStep[req.step as ReturnPartnerStep];
        if (!step || !allowed.includes(req.step as ReturnPartnerStep) || state.facts[step.slot]) {
          throw invalidTransition(`step "${req.step}"`, state.status, allowed);
        }
        if (req.partner.kind !== step.partner) {
          throw unknownPartner(`step "${req.step}" must come from a ${step.partner}`);
        }
        if (step.partner === 'carrier' && req.data.trackingNumber !== state.label?.trackingNumber) {
          throw unknownPartner(`tracking number ${String(req.data.trackingNumber)} does not belong to case ${input.caseId}`);
        }
      },
    },
  );

  setHandler(caseViewQuery, () => ({
    caseId: input.caseId,
    type: input.type,
    status: state.status,
    outcome: state.journal.outcome,
    policyVersion: input.policy.version,
    deadlines: state.journal.deadlines,
    allowedActions: [...allowedReturnActions(state.status)],
    expectedSteps: [...allowedReturnSteps(state.status)],
    details: state.journal.details,
  }));
}
