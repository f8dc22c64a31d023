import {
  allowedReturnActions,
  allowedReturnSteps,
  type ReturnAction,
  type ReturnPartnerStep,
  type ReturnStatus,
} from '../../domain';
import { Fact, unknownPartner } from '../lib/facts';
import { registerFactHandlers } from '../lib/factHandlers';
import type { CaseActionRequest, PartnerStepRequest } from '../lib/messages';
import type { ReturnCaseInput } from './input';
import type { ReturnFacts, ReturnState } from './state';

type Slot = keyof ReturnFacts;

const slotOfAction: Record<ReturnAction, Slot> = {
  approve: 'review',
  reject: 'review',
  cancel: 'cancel',
  survey: 'survey',
};

const slotOfStep: Record<ReturnPartnerStep, { slot: Slot; partner: PartnerStepRequest['partner']['kind'] }> = {
  picked_up: { slot: 'pickedUp', partner: 'carrier' },
  delivered: { slot: 'delivered', partner: 'carrier' },
  inspected: { slot: 'inspection', partner: 'warehouse' },
};

function actionFact(req: CaseActionRequest): Fact<unknown> {
  const p = req.payload;
  switch (req.action as ReturnAction) {
    case 'approve':
    case 'reject':
      return new Fact({ decision: req.action, note: p.note ?? p.reason }, req.actor, req.requestId);
    case 'cancel':
      return new Fact({ reason: p.reason }, req.actor, req.requestId);
    case 'survey':
      return new Fact({ score: Number(p.score), comment: p.comment }, req.actor, req.requestId);
  }
}

function stepFact(req: PartnerStepRequest): Fact<unknown> {
  const actor = { kind: req.partner.kind, id: req.partner.id };
  if (req.step === 'inspected') {
    return new Fact({ result: req.data.result, notes: req.data.notes, occurredAt: req.occurredAt }, actor, req.eventId);
  }
  return new Fact({ trackingNumber: String(req.data.trackingNumber), occurredAt: req.occurredAt }, actor, req.eventId);
}

export function registerReturnHandlers(input: ReturnCaseInput, state: ReturnState): void {
  registerFactHandlers<Slot>(state, {
    caseId: input.caseId,
    type: input.type,
    policyVersion: input.policy.version,
    allowedActions: (status) => allowedReturnActions(status as ReturnStatus),
    allowedSteps: (status) => allowedReturnSteps(status as ReturnStatus),
    actionSlot: (action) => slotOfAction[action as ReturnAction],
    stepSlot: (step) => slotOfStep[step as ReturnPartnerStep].slot,
    toActionFact: actionFact,
    toStepFact: stepFact,
    joinable: ['cancel'],
    checkPartner(req) {
      const { partner } = slotOfStep[req.step as ReturnPartnerStep];
      if (req.partner.kind !== partner) throw unknownPartner(`step "${req.step}" must come from a ${partner}`);
      if (partner === 'carrier' && req.data.trackingNumber !== state.label?.trackingNumber) {
        throw unknownPartner(`tracking number ${String(req.data.trackingNumber)} does not belong to case ${input.caseId}`);
      }
    },
  });
}
