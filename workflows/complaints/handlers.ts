import { allowedComplaintActions, type ComplaintAction, type ComplaintStatus } from '../../domain';
import { Fact, unknownPartner } from '../lib/facts';
import { registerFactHandlers } from '../lib/factHandlers';
import type { CaseActionRequest } from '../lib/messages';
import { type ComplaintCaseInput, complaintPolicyVersion } from './input';
import type { ComplaintFacts, ComplaintState } from './state';

type Slot = keyof ComplaintFacts;

const slotOfAction: Record<ComplaintAction, Slot> = {
  acknowledge: 'acknowledge',
  'request-info': 'requestInfo',
  message: 'message',
  'propose-solution': 'proposal',
  confirm: 'verdict',
  reopen: 'verdict',
  reassign: 'reassign',
  escalate: 'escalate',
};

function actionFact(req: CaseActionRequest): Fact<unknown> {
  const p = req.payload;
  const make = (value: unknown) => new Fact(value, req.actor, req.requestId);
  switch (req.action as ComplaintAction) {
    case 'acknowledge':
      return make({ note: p.note });
    case 'request-info':
      return make({ question: p.question });
    case 'message':
      return make({ text: p.text });
    case 'propose-solution':
      return make({ solution: p.solution });
    case 'confirm':
    case 'reopen':
      return make({ satisfied: req.action === 'confirm', comment: p.comment });
    case 'reassign':
      return make({ agentId: p.agentId });
    case 'escalate':
      return make({ reason: p.reason });
  }
}

export function registerComplaintHandlers(input: ComplaintCaseInput, state: ComplaintState): void {
  registerFactHandlers<Slot>(state, {
    caseId: input.caseId,
    type: input.type,
    policyVersion: complaintPolicyVersion(input.policy, input.sla),
    allowedActions: (status) => allowedComplaintActions(status as ComplaintStatus),
    allowedSteps: () => [],
    actionSlot: (action) => slotOfAction[action as ComplaintAction],
    stepSlot: () => 'message',
    toActionFact: actionFact,
    toStepFact: () => {
      throw unknownPartner('complaints take no partner steps');
    },
    checkPartner: (req) => {
      throw unknownPartner(`complaints take no steps from ${req.partner.kind} ${req.partner.id}`);
    },
  });
}
