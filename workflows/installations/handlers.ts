import { invalidPayload, unknownPartner } from '../lib/facts';
import { registerFactHandlers } from '../lib/factHandlers';
import { installations } from './definition';
import type { InstallationCaseInput } from './input';
import type { InstallationState } from './state';

export function registerInstallationHandlers(input: InstallationCaseInput, state: InstallationState): void {
  const report = {
    slot: 'report',
    fact: ({ step, occurredAt, data }: { step: 'installed' | 'defect_found'; occurredAt: string; data: { defect?: string; notes?: string } }) => ({
      step,
      occurredAt,
      ...(data.defect && { defect: data.defect }),
      ...(data.notes && { notes: data.notes }),
    }),
  } as const;
  registerFactHandlers(state, {
    definition: installations,
    caseId: input.caseId,
    type: input.type,
    policyVersion: input.policy.version,
    actions: {
      accept: { slot: 'offer', fact: () => ({ accepted: true }) },
      decline: { slot: 'offer', fact: ({ payload }) => ({ accepted: false, ...(payload.reason && { reason: payload.reason }) }) },
      reschedule: { slot: 'reschedule', fact: () => ({}) },
      cancel: { slot: 'cancel', fact: ({ payload }) => ({ ...(payload.reason && { reason: payload.reason }) }) },
      converted: { slot: 'converted', fact: ({ payload }) => ({ caseId: payload.caseId, type: payload.type }) },
    },
    steps: { installed: report, defect_found: report },
    checkPartner(req) {
      // A report about a job this case did not book (an earlier case's, a typo) changes nothing here.
      const jobId = (req.data as { jobId?: unknown }).jobId;
      if (state.jobId === null || jobId !== state.jobId) throw unknownPartner(`job ${String(jobId)} is not this case's visit`);
    },
    checkAction(req) {
      // The installer books the next free slot itself; it offers no choice to pick from.
      if (req.action === 'reschedule' && (req.payload as { slotId?: unknown }).slotId !== undefined) {
        throw invalidPayload('slotId', 'the installer books the next free slot: leave slotId out');
      }
    },
    joinable: ['cancel'],
  });
}
