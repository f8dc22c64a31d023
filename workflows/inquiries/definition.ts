import { customerOrStaff, staff } from '../../domain/access';
import { AnswerAction, NoPayload, Text } from '../../domain/actionPayloads';
import { LinkedCase } from '../../domain/caseDetails';
import { skuOnNamedOrder } from '../../domain/intakeFields';
import { defineProcess } from '../../domain/process';
import { z } from 'zod';
import { InquiryDetails } from './details';
import { InquiryCaseRequest, openInquiry } from './intake';
import { inquiryPolicy } from './policy';
import { InquiryOutcome } from './vocabulary';

/**
 * Inquiry (docs/processes/inquiries.md): a first response within the first_response target, from
 * the order system (where an order is) or the knowledge base (when an article fits with the
 * policy's confidence), else a hand-over to a person → the customer says whether the answer helped
 * → closed, or with a person under the solution clock (1 h) → answered; at any point before it
 * closes, it may become a return, repair or complaint, opened through the same intake and linked
 * both ways.
 */
export const inquiries = defineProcess({
  name: 'inquiries',
  title: 'Inquiry',
  caseTypes: ['inquiry'],
  workflowType: 'inquiryCase',
  queue: 'inquiries',
  // An inquiry waits a day for the customer to say the answer helped, and days for a person: it outlives releases.
  versioning: 'AUTO_UPGRADE',
  initialStatus: 'received',
  statuses: {
    received: { actions: ['converted'], steps: [], next: ['awaiting_confirmation', 'with_agent', 'closed'] },
    awaiting_confirmation: { actions: ['helped', 'not_helped', 'converted'], steps: [], next: ['with_agent', 'closed'] },
    with_agent: { actions: ['answer', 'converted'], steps: [], next: ['closed'] },
    closed: { actions: [], steps: [], next: [] },
  },
  outcomes: InquiryOutcome.options,
  details: InquiryDetails,
  actions: {
    helped: { payload: NoPayload, summary: 'The customer says the automated answer helped: the inquiry closes', reaches: customerOrStaff },
    not_helped: {
      payload: z.object({ note: Text.optional().meta({ description: 'What is still open, for the person who takes it' }) }).meta({ id: 'NotHelpedAction' }),
      summary: 'The customer says the automated answer did not help: a person takes the inquiry, under the solution clock',
      reaches: customerOrStaff,
    },
    answer: { payload: AnswerAction, summary: 'Staff answer the inquiry: the customer is told, and it closes', reaches: staff },
    converted: {
      payload: LinkedCase,
      summary: 'Recorded by POST /v1/cases/{id}/conversions once the new case is open; no one sends it directly',
      // Only the conversion route sends it, with the case it opened: a caller could name any case.
      reaches: {},
    },
  },
  steps: {},
  assignedPartners: {},
  workItems: [{ kind: 'answer_inquiry', status: 'with_agent', deadlines: ['solution'] }],
  policy: inquiryPolicy,
  conversions: { into: ['return', 'exchange', 'repair', 'complaint'] },
  intake: { request: InquiryCaseRequest, orderOf: (request) => request.orderId, check: skuOnNamedOrder, open: openInquiry },
});
