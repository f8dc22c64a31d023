import { condition } from '@temporalio/workflow';
import { allowedActions } from '../../domain/process';
import { registerFactHandlers } from '../lib/factHandlers';
import { pinnedVersion } from '../lib/pinnedVersion';
import { complaints } from './definition';
import type { ComplaintCaseInput } from './input';
import type { ComplaintState } from './state';

export function registerComplaintHandlers(input: ComplaintCaseInput, state: ComplaintState): void {
  const { facts } = state;
  registerFactHandlers(state, {
    definition: complaints,
    caseId: input.caseId,
    type: input.type,
    policyVersion: pinnedVersion(input.policy, input.sla),
    actions: {
      acknowledge: { slot: 'acknowledge', fact: ({ payload }) => ({ note: payload.note }) },
      'request-info': { slot: 'requestInfo', fact: ({ payload }) => ({ question: payload.question }) },
      message: { slot: 'message', fact: ({ payload }) => ({ text: payload.text }) },
      'propose-solution': { slot: 'proposal', fact: ({ payload }) => ({ solution: payload.solution }) },
      confirm: { slot: 'verdict', fact: ({ payload }) => ({ satisfied: true, comment: payload.comment }) },
      reopen: { slot: 'verdict', fact: ({ payload }) => ({ satisfied: false, comment: payload.comment }) },
      reassign: { slot: 'reassign', fact: ({ payload }) => ({ agentId: payload.agentId }) },
      escalate: { slot: 'escalate', fact: ({ payload }) => ({ reason: payload.reason }) },
    },
    steps: {},
    // A complaint routes itself: an assignment is a reassignment to the named agent, which keeps
    // the agents' workload counts right, in the statuses where reassigning is allowed.
    assignment: {
      allowed: (status) => allowedActions(complaints, status).includes('reassign'),
      async assign(fact) {
        await condition(() => facts.reassign === undefined || facts.reassign.acknowledged);
        facts.reassign = fact;
        await fact.settled();
      },
    },
  });
}
