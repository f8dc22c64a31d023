import { allowedRepairActions, allowedSupplierSteps, type RepairAction, type RepairStatus } from '../../domain';
import { Fact, unknownPartner } from '../lib/facts';
import { registerFactHandlers } from '../lib/factHandlers';
import type { CaseActionRequest, PartnerStepRequest } from '../lib/messages';
import type { RepairCaseInput } from './input';
import type { RepairFacts, RepairState, SupplierReport } from './state';

type Slot = keyof RepairFacts;

const slotOfAction: Record<RepairAction, Slot> = {
  fixed: 'troubleshooting',
  not_fixed: 'troubleshooting',
  'approve-quote': 'quote',
  'decline-quote': 'quote',
  reschedule: 'reschedule',
  confirm: 'confirm',
  cancel: 'cancel',
};

function actionFact(req: CaseActionRequest): Fact<unknown> {
  const p = req.payload;
  const make = (value: unknown) => new Fact(value, req.actor, req.requestId);
  switch (req.action as RepairAction) {
    case 'fixed':
    case 'not_fixed':
      return make({ fixed: req.action === 'fixed', note: p.note });
    case 'approve-quote':
    case 'decline-quote':
      return make({ approved: req.action === 'approve-quote', reason: p.reason });
    case 'reschedule':
      return make({ slotId: p.slotId });
    case 'confirm':
      return make({});
    case 'cancel':
      return make({ reason: p.reason });
  }
}

function stepFact(req: PartnerStepRequest): Fact<unknown> {
  const d = req.data;
  const report: SupplierReport = {
    step: req.step as SupplierReport['step'],
    occurredAt: req.occurredAt,
    receivedAt: new Date().toISOString(),
    diagnosis: d.diagnosis as string | undefined,
    quote: d.quote as SupplierReport['quote'],
    trackingNumber: d.trackingNumber as string | undefined,
    outcome: d.outcome as SupplierReport['outcome'],
  };
  return new Fact(report, { kind: 'supplier', id: req.partner.id }, req.eventId);
}

export function registerRepairHandlers(input: RepairCaseInput, state: RepairState): void {
  registerFactHandlers<Slot>(state, {
    caseId: input.caseId,
    type: input.type,
    policyVersion: input.policy.version,
    allowedActions: (status) => allowedRepairActions(status as RepairStatus),
    allowedSteps: (status) => allowedSupplierSteps(status as RepairStatus),
    actionSlot: (action) => slotOfAction[action as RepairAction],
    stepSlot: () => 'supplier',
    toActionFact: actionFact,
    toStepFact: stepFact,
    joinable: ['cancel'],
    checkPartner(req) {
      if (req.partner.kind !== 'supplier' || req.partner.id !== state.supplierId) {
        throw unknownPartner(`case ${input.caseId} is not assigned to ${req.partner.kind} ${req.partner.id}`);
      }
    },
  });
}
