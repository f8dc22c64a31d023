import { z } from 'zod';
import { customerOnly, staff } from '../../domain/access';
import { cancelAction, Text } from '../../domain/actionPayloads';
import { defineProcess } from '../../domain/process';
import { ReturnDetails } from './details';
import { checkReturnAgainstOrder, openReturn, ReturnCaseRequest } from './intake';
import { returnPolicy } from './policy';
import { ReturnOutcome } from './vocabulary';

/**
 * Return / exchange (docs/processes/returns.md): eligibility → approval (automatic by policy, or an
 * agent's review against its SLA target) → return label → carrier scans within the ship-by window
 * → warehouse inspection → refund or exchange → survey → closed.
 */
export const returns = defineProcess({
  name: 'returns',
  title: 'Return / exchange',
  caseTypes: ['return', 'exchange'],
  workflowType: 'returnCase',
  queue: 'returns',
  // A return waits days on the customer's parcel, the carrier, the warehouse and the survey: it outlives releases.
  versioning: 'AUTO_UPGRADE',
  initialStatus: 'requested',
  statuses: {
    requested: { actions: ['cancel'], steps: [], next: ['under_review', 'approved', 'closed'] },
    under_review: { actions: ['approve', 'reject', 'cancel'], steps: [], next: ['approved', 'closed'] },
    approved: { actions: ['cancel'], steps: [], next: ['label_issued', 'closed'] },
    label_issued: { actions: ['cancel'], steps: ['picked_up'], next: ['in_transit', 'closed'] },
    in_transit: { actions: [], steps: ['delivered'], next: ['received'] },
    received: { actions: [], steps: ['inspected'], next: ['inspected'] },
    inspected: { actions: [], steps: [], next: ['refunding', 'exchanging', 'awaiting_survey', 'closed'] },
    refunding: { actions: [], steps: [], next: ['awaiting_survey', 'closed'] },
    exchanging: { actions: [], steps: [], next: ['awaiting_survey', 'refunding', 'closed'] },
    awaiting_survey: { actions: ['survey'], steps: [], next: ['closed'] },
    closed: { actions: [], steps: [], next: [] },
  },
  outcomes: ReturnOutcome.options,
  details: ReturnDetails,
  actions: {
    approve: {
      payload: z.object({ note: Text.optional() }).meta({ id: 'ApproveAction' }),
      summary: 'An agent approves the return',
      reaches: staff,
    },
    reject: {
      payload: z.object({ reason: Text }).meta({ id: 'RejectAction' }),
      summary: 'An agent rejects the return',
      reaches: staff,
    },
    cancel: cancelAction,
    survey: {
      payload: z.object({ score: z.number().int().min(1).max(5), comment: Text.optional() }).meta({ id: 'SurveyAction' }),
      summary: 'The customer rates the service',
      reaches: customerOnly,
    },
  },
  steps: {
    picked_up: { partner: 'carrier' },
    delivered: { partner: 'carrier' },
    inspected: { partner: 'warehouse' },
  },
  // The logistics system issues the label to a carrier and routes the parcel to a warehouse.
  assignedPartners: { carrier: 'returnLabel.carrier', warehouse: 'returnLabel.warehouseId' },
  workItems: [{ kind: 'review_return', status: 'under_review', deadlines: ['review'] }],
  policy: returnPolicy,
  intake: { request: ReturnCaseRequest, orderOf: (request) => request.orderId, check: checkReturnAgainstOrder, open: openReturn },
});
