import { z } from 'zod';
import { AgentId } from '../../domain';
import { CaseId } from './caseId';

const Text = z.string().min(1).max(2000);

/**
 * The body each action takes; the workflow receives it unchanged as the action's payload. Who
 * acts is never part of it: the actor is the bearer token's subject and role.
 */
export const ApproveAction = z.object({ note: Text.optional() }).meta({ id: 'ApproveAction' });
export const RejectAction = z.object({ reason: Text }).meta({ id: 'RejectAction' });
export const CancelAction = z.object({ reason: Text.optional() }).meta({ id: 'CancelAction' });
export const SurveyAction = z
  .object({ score: z.number().int().min(1).max(5), comment: Text.optional() })
  .meta({ id: 'SurveyAction' });

/** Repair actions that carry nothing but the decision itself (fixed, approve-quote, confirm). */
export const NoPayload = z.object({}).meta({ id: 'NoPayload' });
export const NotFixedAction = z
  .object({ note: Text.optional().meta({ description: 'What still goes wrong after troubleshooting' }) })
  .meta({ id: 'NotFixedAction' });
export const DeclineQuoteAction = z.object({ reason: Text.optional() }).meta({ id: 'DeclineQuoteAction' });
export const RescheduleAction = z
  .object({
    slotId: z.string().min(1).max(200).optional().meta({ description: "One of the supplier's free slots; absent: the next free one" }),
  })
  .meta({ id: 'RescheduleAction' });

const LongText = z.string().min(1).max(5000);

/** Complaint actions; who sends them is the token's business, as everywhere. */
export const AcknowledgeAction = z.object({ note: Text.optional() }).meta({ id: 'AcknowledgeAction' });
export const RequestInfoAction = z
  .object({ question: Text.meta({ description: 'What the agent needs to know; the solution clock pauses until the customer answers' }) })
  .meta({ id: 'RequestInfoAction' });
export const MessageAction = z.object({ text: LongText }).meta({ id: 'MessageAction' });
export const ProposeSolutionAction = z.object({ solution: LongText }).meta({ id: 'ProposeSolutionAction' });
/** confirm (a complaint's solution, or a repaired product back) and reopen: the customer's verdict. */
export const VerdictAction = z.object({ comment: Text.optional() }).meta({ id: 'VerdictAction' });
export const ReassignAction = z
  .object({ agentId: AgentId.optional().meta({ description: 'Absent: routing picks another agent with the skill' }) })
  .meta({ id: 'ReassignAction' });
export const EscalateAction = z.object({ reason: Text.optional() }).meta({ id: 'EscalateAction' });

/** Work queue actions, for any case type. */
export const AssignAction = z.object({ agentId: AgentId }).meta({ id: 'AssignAction' });

export const AssignmentAck = z
  .object({ caseId: CaseId, status: z.string(), assignee: AgentId.nullable() })
  .meta({ id: 'AssignmentAck' });
export const EscalationAck = z
  .object({ caseId: CaseId, escalationId: z.string(), status: z.string() })
  .meta({ id: 'EscalationAck' });

export const ActionHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Repeating a request with the same key returns the first answer and acts once' }),
});
