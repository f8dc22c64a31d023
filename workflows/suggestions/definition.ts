import { staff } from '../../domain/access';
import { AnswerAction } from '../../domain/actionPayloads';
import { defineProcess } from '../../domain/process';
import { SuggestionDetails } from './details';
import { skuOnNamedOrder } from '../../domain/intakeFields';
import { openSuggestion, SuggestionCaseRequest } from './intake';
import { suggestionPolicy } from './policy';
import { SuggestionOutcome } from './vocabulary';

/**
 * Suggestion (docs/processes/suggestions.md): recorded → routed by the policy's rules to the
 * product or the operations queue, the customer acknowledged at once in their language → answered
 * by staff (the customer is told), or closed without an answer once the policy's answer window
 * has passed, a breach supervisors see.
 */
export const suggestions = defineProcess({
  name: 'suggestions',
  title: 'Suggestion',
  caseTypes: ['suggestion'],
  workflowType: 'suggestionCase',
  queue: 'suggestions',
  // A suggestion waits days for its answer: it outlives releases.
  versioning: 'AUTO_UPGRADE',
  initialStatus: 'received',
  statuses: {
    received: { actions: [], steps: [], next: ['with_product', 'with_operations', 'closed'] },
    with_product: { actions: ['answer'], steps: [], next: ['closed'] },
    with_operations: { actions: ['answer'], steps: [], next: ['closed'] },
    closed: { actions: [], steps: [], next: [] },
  },
  outcomes: SuggestionOutcome.options,
  details: SuggestionDetails,
  actions: {
    answer: {
      payload: AnswerAction,
      summary: 'Staff answer the suggestion: the customer is told, and it closes',
      reaches: staff,
    },
  },
  steps: {},
  assignedPartners: {},
  workItems: [
    { kind: 'answer_product_suggestion', status: 'with_product', deadlines: ['answer'], queue: 'product' },
    { kind: 'answer_operations_suggestion', status: 'with_operations', deadlines: ['answer'], queue: 'operations' },
  ],
  policy: suggestionPolicy,
  intake: { request: SuggestionCaseRequest, orderOf: (request) => request.orderId, check: skuOnNamedOrder, open: openSuggestion },
});
