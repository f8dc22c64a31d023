import { z } from 'zod';
import { AgentId } from '../../domain';
import { CaseId } from './caseId';

/**
 * What the action routes answer and the headers they take; each action's body is its process's
 * (workflows/<process>/definition.ts), and the shared ones are in domain/actionPayloads.ts.
 */

export const AssignmentAck = z
  .object({ caseId: CaseId, status: z.string(), assignee: AgentId.nullable() })
  .meta({ id: 'AssignmentAck' });
export const EscalationAck = z
  .object({ caseId: CaseId, escalationId: z.string(), status: z.string() })
  .meta({ id: 'EscalationAck' });

export const FeedbackAck = z
  .object({
    caseId: CaseId,
    status: z.enum(['requested', 'answered', 'follow_up', 'followed_up', 'expired']).meta({
      description: 'The survey now: answered, follow_up (a low rating a supervisor will follow up) or followed_up',
    }),
  })
  .meta({ id: 'FeedbackAck' });

export const ActionHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Repeating a request with the same key returns the first answer and acts once' }),
});
