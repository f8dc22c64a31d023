import { z } from 'zod';

/** The complaint lifecycle (design.md §5), read by the workflow's validators and the API alike. */

export const ComplaintStatus = z
  .enum(['opened', 'routed', 'acknowledged', 'awaiting_customer', 'solution_proposed', 'closed'])
  .meta({ id: 'ComplaintStatus' });
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

export const ComplaintOutcome = z.enum(['resolved', 'resolved_unconfirmed']).meta({ id: 'ComplaintOutcome' });
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>;

export const Severity = z.enum(['minor', 'normal', 'major', 'major_incident']).meta({ id: 'Severity' });
export type Severity = z.infer<typeof Severity>;

export const ComplaintAction = z
  .enum(['acknowledge', 'request-info', 'message', 'propose-solution', 'confirm', 'reopen', 'reassign', 'escalate'])
  .meta({ id: 'ComplaintAction' });
export type ComplaintAction = z.infer<typeof ComplaintAction>;

const actionsByStatus: Record<ComplaintStatus, readonly ComplaintAction[]> = {
  opened: ['message', 'escalate'],
  routed: ['acknowledge', 'reassign', 'message', 'escalate'],
  acknowledged: ['propose-solution', 'request-info', 'reassign', 'message', 'escalate'],
  awaiting_customer: ['message', 'reassign', 'escalate'],
  solution_proposed: ['confirm', 'reopen', 'message', 'escalate'],
  closed: [],
};

export function allowedComplaintActions(status: ComplaintStatus): readonly ComplaintAction[] {
  return actionsByStatus[status];
}
