import { z } from 'zod';
import { customerOrStaff } from './access';
import { AgentId } from './case';
import type { ActionSpec } from './process';

/**
 * Action bodies more than one process takes. Who acts is never part of a body: the actor is the
 * bearer token's subject and role. A process's own bodies live in its definition.
 */

export const Text = z.string().min(1).max(2000);
export const LongText = z.string().min(1).max(5000);

/** Actions that carry nothing but the decision itself. */
export const NoPayload = z.object({}).meta({ id: 'NoPayload' });
export const CancelAction = z.object({ reason: Text.optional() }).meta({ id: 'CancelAction' });
/** confirm (a complaint's solution, or a repaired product back) and reopen: the customer's verdict. */
export const VerdictAction = z.object({ comment: Text.optional() }).meta({ id: 'VerdictAction' });

/** The customer's cancel, which staff may give for them; one spec, so every process documents it alike. */
export const cancelAction = {
  payload: CancelAction,
  summary: 'The customer, or staff for them, cancels the case',
  reaches: customerOrStaff,
} as const satisfies ActionSpec;

/** The customer, or staff for them, moves a technician's visit (a repair at home, an installation). */
export const rescheduleAction = {
  payload: z
    .object({
      slotId: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .meta({ description: "One of the partner's free slots, where it offers a choice (a repair supplier); absent: the next free one" }),
    })
    .meta({ id: 'RescheduleAction' }),
  summary: "The customer moves the technician's visit",
  reaches: customerOrStaff,
} as const satisfies ActionSpec;

/** Staff's answer to what a customer raised, sent to them; one body, so any process may take `answer`. */
export const AnswerAction = z.object({ text: LongText.meta({ description: 'The answer the customer is sent' }) }).meta({ id: 'AnswerAction' });

/** Work queue actions, for any case type. */
export const AssignAction = z.object({ agentId: AgentId }).meta({ id: 'AssignAction' });
