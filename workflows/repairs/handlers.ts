import type { StepMessage } from '../../domain/process';
import { unknownPartner } from '../lib/facts';
import { registerFactHandlers } from '../lib/factHandlers';
import type { PartnerStepRequest } from '../lib/messages';
import { repairs } from './definition';
import type { RepairCaseInput } from './input';
import type { RepairState, SupplierReport } from './state';

/** Every supplier step is one report the flow reads in the status it is waiting in. */
function supplierReport({ step, occurredAt, data }: PartnerStepRequest & StepMessage<typeof repairs>): SupplierReport {
  const { diagnosis, quote, trackingNumber, outcome } = data;
  return { step, occurredAt, receivedAt: new Date().toISOString(), diagnosis, quote, trackingNumber, outcome };
}

const report = { slot: 'supplier', fact: supplierReport } as const;

export function registerRepairHandlers(input: RepairCaseInput, state: RepairState): void {
  registerFactHandlers(state, {
    definition: repairs,
    caseId: input.caseId,
    type: input.type,
    policyVersion: input.policy.version,
    actions: {
      fixed: { slot: 'troubleshooting', fact: () => ({ fixed: true }) },
      not_fixed: { slot: 'troubleshooting', fact: ({ payload }) => ({ fixed: false, note: payload.note }) },
      'approve-quote': { slot: 'quote', fact: () => ({ approved: true }) },
      'decline-quote': { slot: 'quote', fact: ({ payload }) => ({ approved: false, reason: payload.reason }) },
      reschedule: { slot: 'reschedule', fact: ({ payload }) => ({ slotId: payload.slotId }) },
      confirm: { slot: 'confirm', fact: () => ({}) },
      cancel: { slot: 'cancel', fact: ({ payload }) => ({ reason: payload.reason }) },
    },
    steps: {
      received: report,
      diagnosed: report,
      repaired: report,
      unrepairable: report,
      shipped_back: report,
      visit_completed: report,
    },
    joinable: ['cancel'],
    checkPartner(req) {
      if (req.partner.id !== state.supplierId) {
        throw unknownPartner(`case ${input.caseId} is not assigned to ${req.partner.kind} ${req.partner.id}`);
      }
    },
  });
}
