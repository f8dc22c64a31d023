import { z } from 'zod';
import { Deadline } from '../../domain';
import { CaseDetails } from '../../workflows/registry';
import type { CaseView as WorkflowCaseView } from '../../workflows/lib/messages';

/** What the workflow's caseView query answers; `satisfies` keeps it in step with the workflow's type. */
export const CaseView = z
  .object({
    caseId: z.string(),
    type: z.string(),
    status: z.string(),
    outcome: z.string().nullable(),
    policyVersion: z.string(),
    deadlines: z.array(Deadline),
    allowedActions: z.array(z.string()),
    expectedSteps: z.array(z.string()),
    details: CaseDetails,
  })
  .meta({ id: 'CaseView' }) satisfies z.ZodType<WorkflowCaseView>;
