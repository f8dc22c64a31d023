import { z } from 'zod';
import { customerOrStaff } from '../../domain/access';
import { cancelAction, NoPayload, rescheduleAction, Text, VerdictAction } from '../../domain/actionPayloads';
import { defineProcess } from '../../domain/process';
import { RepairDetails } from './details';
import { checkRepairAgainstOrder, openRepair, RepairCaseRequest } from './intake';
import { repairPolicy } from './policy';
import { RepairOutcome } from './vocabulary';

/**
 * Repair (docs/processes/repairs.md): warranty check → guided troubleshooting (may end it
 * remotely) → a repair order at the category's supplier → supplier steps by signed webhook, each
 * against the supplier's response time → the customer confirms the product came back. Products
 * repaired on site get a technician visit instead; unrepairable falls back to a replacement, else
 * a refund. Staff act for a customer at the store counter or on the phone, so they may decide too.
 */
export const repairs = defineProcess({
  name: 'repairs',
  title: 'Repair',
  caseTypes: ['repair'],
  workflowType: 'repairCase',
  queue: 'repairs',
  // A repair waits days on the supplier, the quote and the way back: it outlives releases.
  versioning: 'AUTO_UPGRADE',
  initialStatus: 'requested',
  statuses: {
    requested: { actions: ['cancel'], steps: [], next: ['troubleshooting', 'repair_ordered', 'visit_scheduled', 'closed'] },
    troubleshooting: { actions: ['fixed', 'not_fixed', 'cancel'], steps: [], next: ['repair_ordered', 'closed'] },
    repair_ordered: { actions: [], steps: ['received'], next: ['at_supplier', 'closed'] },
    visit_scheduled: { actions: ['reschedule'], steps: ['visit_completed'], next: ['replacing', 'closed'] },
    at_supplier: { actions: [], steps: ['diagnosed'], next: ['awaiting_quote_approval', 'repairing', 'closed'] },
    awaiting_quote_approval: { actions: ['approve-quote', 'decline-quote'], steps: [], next: ['repairing', 'awaiting_ship_back', 'closed'] },
    repairing: { actions: [], steps: ['repaired', 'unrepairable'], next: ['awaiting_ship_back', 'replacing', 'closed'] },
    awaiting_ship_back: { actions: [], steps: ['shipped_back'], next: ['shipped_back', 'closed'] },
    shipped_back: { actions: ['confirm'], steps: [], next: ['closed'] },
    replacing: { actions: [], steps: [], next: ['refunding', 'closed'] },
    refunding: { actions: [], steps: [], next: ['closed'] },
    closed: { actions: [], steps: [], next: [] },
  },
  outcomes: RepairOutcome.options,
  details: RepairDetails,
  actions: {
    fixed: { payload: NoPayload, summary: 'The troubleshooting guide fixed the product: the repair closes', reaches: customerOrStaff },
    not_fixed: {
      payload: z
        .object({ note: Text.optional().meta({ description: 'What still goes wrong after troubleshooting' }) })
        .meta({ id: 'NotFixedAction' }),
      summary: 'The product is still faulty after troubleshooting',
      reaches: customerOrStaff,
    },
    'approve-quote': { payload: NoPayload, summary: "The customer approves the supplier's repair quote", reaches: customerOrStaff },
    'decline-quote': {
      payload: z.object({ reason: Text.optional() }).meta({ id: 'DeclineQuoteAction' }),
      summary: 'The customer declines the quote: the item comes back unrepaired',
      reaches: customerOrStaff,
    },
    confirm: { payload: VerdictAction, summary: 'The customer confirms the product came back', reaches: customerOrStaff },
    reschedule: rescheduleAction,
    cancel: cancelAction,
  },
  steps: {
    received: { partner: 'supplier' },
    diagnosed: { partner: 'supplier' },
    repaired: { partner: 'supplier' },
    unrepairable: { partner: 'supplier' },
    shipped_back: { partner: 'supplier', requires: ['trackingNumber'] },
    visit_completed: { partner: 'supplier', requires: ['outcome'] },
  },
  assignedPartners: { supplier: 'supplierId' },
  // Elsewhere the customer approves in their app; at a store counter, the staff do it with them.
  workItems: [{ kind: 'approve_quote', status: 'awaiting_quote_approval', queue: 'store', channel: 'store', deadlines: ['quote_approval'] }],
  policy: repairPolicy,
  intake: { request: RepairCaseRequest, orderOf: (request) => request.orderId, check: checkRepairAgainstOrder, open: openRepair },
});
