import { z } from 'zod';

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

export const ActionHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Repeating a request with the same key returns the first answer and acts once' }),
});
