import { registerFactHandlers } from '../lib/factHandlers';
import { pinnedVersion } from '../lib/pinnedVersion';
import { suggestions } from './definition';
import type { SuggestionCaseInput } from './input';
import type { SuggestionState } from './state';

export function registerSuggestionHandlers(input: SuggestionCaseInput, state: SuggestionState): void {
  registerFactHandlers(state, {
    definition: suggestions,
    caseId: input.caseId,
    type: input.type,
    policyVersion: pinnedVersion(input.policy, input.sla),
    actions: { answer: { slot: 'answer', fact: ({ payload }) => ({ text: payload.text }) } },
    steps: {},
  });
}
