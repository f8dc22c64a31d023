import { z } from 'zod';

/**
 * The return / exchange lifecycle (design.md §5). The status names the step a case is at;
 * the outcome says how it ended. Both the workflow (validators) and the API (allowed actions)
 * read the transition table below, so the two can never disagree.
 */

export const ReturnStatus = z
  .enum([
    'requested',
    'under_review',
    'approved',
    'label_issued',
    'in_transit',
    'received',
    'inspected',
    'refunding',
    'exchanging',
    'awaiting_survey',
    'closed',
  ])
  .meta({ id: 'ReturnStatus' });
export type ReturnStatus = z.infer<typeof ReturnStatus>;

export const ReturnOutcome = z
  .enum([
    'refunded',
    'exchanged',
    'not_eligible',
    'rejected_by_review',
    'rejected_after_inspection',
    'cancelled_by_customer',
    'cancelled_not_shipped',
    'failed',
  ])
  .meta({ id: 'ReturnOutcome' });
export type ReturnOutcome = z.infer<typeof ReturnOutcome>;

export const ItemCondition = z.enum(['unopened', 'opened', 'defective', 'damaged']).meta({ id: 'ItemCondition' });
export type ItemCondition = z.infer<typeof ItemCondition>;

export const InspectionResult = z.enum(['restockable', 'damaged']).meta({ id: 'InspectionResult' });
export type InspectionResult = z.infer<typeof InspectionResult>;

/** Human actions on a return, as exposed by POST /v1/cases/:id/actions/:action. */
export const ReturnAction = z.enum(['approve', 'reject', 'cancel', 'survey']).meta({ id: 'ReturnAction' });
export type ReturnAction = z.infer<typeof ReturnAction>;

/** Partner steps on a return, as delivered by signed webhooks. */
export const CarrierEventType = z.enum(['picked_up', 'delivered']).meta({ id: 'CarrierEventType' });
export type CarrierEventType = z.infer<typeof CarrierEventType>;
export type ReturnPartnerStep = CarrierEventType | 'inspected';

const actionsByStatus: Record<ReturnStatus, readonly ReturnAction[]> = {
  requested: ['cancel'],
  under_review: ['approve', 'reject', 'cancel'],
  approved: ['cancel'],
  label_issued: ['cancel'],
  in_transit: [],
  received: [],
  inspected: [],
  refunding: [],
  exchanging: [],
  awaiting_survey: ['survey'],
  closed: [],
};

const stepsByStatus: Record<ReturnStatus, readonly ReturnPartnerStep[]> = {
  requested: [],
  under_review: [],
  approved: [],
  label_issued: ['picked_up'],
  in_transit: ['delivered'],
  received: ['inspected'],
  inspected: [],
  refunding: [],
  exchanging: [],
  awaiting_survey: [],
  closed: [],
};

export function allowedReturnActions(status: ReturnStatus): readonly ReturnAction[] {
  return actionsByStatus[status];
}

export function allowedReturnSteps(status: ReturnStatus): readonly ReturnPartnerStep[] {
  return stepsByStatus[status];
}
