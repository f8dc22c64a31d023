import { complaints } from '../../../workflows/complaints/definition';
import type { ComplaintCaseInput } from '../../../workflows/complaints/input';
import { unknownPartner } from '../../../workflows/lib/facts';
import { pinnedVersion } from '../../../workflows/lib/pinnedVersion';
import { repairs } from '../../../workflows/repairs/definition';
import type { RepairCaseInput } from '../../../workflows/repairs/input';
import { returns } from '../../../workflows/returns/definition';
import type { ReturnCaseInput } from '../../../workflows/returns/input';
import { inquiries } from '../../../workflows/inquiries/definition';
import { installations } from '../../../workflows/installations/definition';
import type { InstallationCaseInput } from '../../../workflows/installations/input';
import type { InquiryCaseInput } from '../../../workflows/inquiries/input';
import { suggestions } from '../../../workflows/suggestions/definition';
import type { SuggestionCaseInput } from '../../../workflows/suggestions/input';
import { standIn } from './standIn';

/**
 * The stand-in workflows API tests run, one per registered process under its workflow type (see
 * standIn.ts). A return starts under review, and approved it records its label as the real
 * workflow does: carrier `dhl`, tracking number `track-<caseId>`, warehouse `wh-berlin` (the API
 * refuses other carriers and warehouses; the stand-in itself checks only the tracking number); a
 * repair starts in troubleshooting and "not_fixed" places the order with the category's supplier,
 * recorded on the case (the API refuses other suppliers' webhooks); a complaint starts routed; a
 * suggestion starts with the product team; an inquiry starts answered automatically, waiting for
 * the customer's word.
 */

const to = <S extends string>(status: S) => () => status;

export const returnCase = standIn({
  definition: returns,
  initial: 'under_review',
  afterAction: { approve: to('label_issued'), reject: to('closed'), cancel: to('closed'), survey: to('closed') },
  afterStep: { picked_up: to('in_transit'), delivered: to('received'), inspected: to('awaiting_survey') },
  policyVersion: (input: ReturnCaseInput) => input.policy.version,
  recordOn: { approve: (input) => ({ returnLabel: { carrier: 'dhl', trackingNumber: `track-${input.caseId}`, warehouseId: 'wh-berlin' } }) },
  checkPartner(req, input) {
    if (req.partner.kind === 'carrier' && req.data.trackingNumber !== `track-${input.caseId}`) {
      throw unknownPartner(`no shipment ${String(req.data.trackingNumber)}`);
    }
  },
});

const supplierOf = (input: RepairCaseInput) => input.policy.supplierByCategory[input.item.category]!;

export const repairCase = standIn({
  definition: repairs,
  initial: 'troubleshooting',
  afterAction: {
    fixed: to('closed'),
    not_fixed: to('repair_ordered'),
    'approve-quote': to('repairing'),
    'decline-quote': to('awaiting_ship_back'),
    confirm: to('closed'),
    reschedule: to('visit_scheduled'),
    cancel: to('closed'),
  },
  afterStep: {
    received: to('at_supplier'),
    // A diagnosis with a quote waits for the customer.
    diagnosed: (_status, req) => (req.data.quote ? 'awaiting_quote_approval' : 'repairing'),
    repaired: to('awaiting_ship_back'),
    unrepairable: to('closed'),
    shipped_back: to('shipped_back'),
    visit_completed: to('closed'),
  },
  policyVersion: (input: RepairCaseInput) => input.policy.version,
  recordOn: { not_fixed: (input) => ({ supplierId: supplierOf(input) }) },
  checkPartner(req, input) {
    if (req.partner.id !== supplierOf(input)) throw unknownPartner(`case ${input.caseId} is not assigned to supplier ${req.partner.id}`);
  },
});

export const complaintCase = standIn({
  definition: complaints,
  initial: 'routed',
  afterAction: {
    acknowledge: to('acknowledged'),
    'request-info': to('awaiting_customer'),
    message: (status) => (status === 'awaiting_customer' ? 'acknowledged' : status),
    'propose-solution': to('solution_proposed'),
    confirm: to('closed'),
    reopen: to('acknowledged'),
    reassign: (status) => status,
    escalate: (status) => status,
  },
  afterStep: {},
  policyVersion: (input: ComplaintCaseInput) => pinnedVersion(input.policy, input.sla),
});

export const suggestionCase = standIn({
  definition: suggestions,
  initial: 'with_product',
  afterAction: { answer: to('closed') },
  afterStep: {},
  policyVersion: (input: SuggestionCaseInput) => pinnedVersion(input.policy, input.sla),
});

export const inquiryCase = standIn({
  definition: inquiries,
  initial: 'awaiting_confirmation',
  afterAction: { helped: to('closed'), not_helped: to('with_agent'), answer: to('closed'), converted: to('closed') },
  afterStep: {},
  policyVersion: (input: InquiryCaseInput) => pinnedVersion(input.policy, input.sla),
});

export const installationCase = standIn({
  definition: installations,
  initial: 'visit_booked',
  afterAction: { accept: to('visit_booked'), decline: to('closed'), reschedule: to('visit_booked'), cancel: to('closed'), converted: to('closed') },
  afterStep: { installed: to('closed'), defect_found: to('defect_found') },
  policyVersion: (input: InstallationCaseInput) => input.policy.version,
});
