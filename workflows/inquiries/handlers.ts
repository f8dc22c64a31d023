import { registerFactHandlers } from '../lib/factHandlers';
import { pinnedVersion } from '../lib/pinnedVersion';
import { inquiries } from './definition';
import type { InquiryCaseInput } from './input';
import type { InquiryState } from './state';

export function registerInquiryHandlers(input: InquiryCaseInput, state: InquiryState): void {
  registerFactHandlers(state, {
    definition: inquiries,
    caseId: input.caseId,
    type: input.type,
    policyVersion: pinnedVersion(input.policy, input.sla),
    actions: {
      helped: { slot: 'verdict', fact: () => ({ helped: true }) },
      not_helped: { slot: 'verdict', fact: ({ payload }) => ({ helped: false, ...(payload.note && { note: payload.note }) }) },
      answer: { slot: 'answer', fact: ({ payload }) => ({ text: payload.text }) },
      converted: { slot: 'converted', fact: ({ payload }) => ({ caseId: payload.caseId, type: payload.type }) },
    },
    steps: {},
  });
}
