import { z } from 'zod';

const AgentId = z.string().min(1).max(128);
const Text = z.string().min(1).max(2000);

/** The body each action takes; the workflow receives it unchanged as the action's payload. */
export const ApproveAction = z.object({ agentId: AgentId, note: Text.optional() }).meta({ id: 'ApproveAction' });
export const RejectAction = z.object({ agentId: AgentId, reason: Text }).meta({ id: 'RejectAction' });
export const CancelAction = z.object({ reason: Text.optional() }).meta({ id: 'CancelAction' });
export const SurveyAction = z
  .object({ score: z.number().int().min(1).max(5), comment: Text.optional() })
  .meta({ id: 'SurveyAction' });

export const ActionHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Repeating a request with the same key returns the first answer and acts once' }),
});
