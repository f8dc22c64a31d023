import { z } from 'zod';
import { CaseStatus, CaseType } from '../../workflows/registry';

/** The process registry as staff read it (GET /v1/processes): each process's transition table and its open cases now. */

const Count = z.number().int().nonnegative();

export const ProcessStatus = z
  .object({
    name: CaseStatus,
    next: z.array(CaseStatus).meta({ description: 'The statuses the process may move to from this one' }),
    actions: z.array(z.string()).meta({ description: 'The actions people may take in this status' }),
    steps: z.array(z.string()).meta({ description: 'The partner steps this status expects' }),
    openCases: Count.meta({ description: 'Cases of the process in this status now, not closed' }),
  })
  .meta({ id: 'ProcessStatus' });

export const ProcessSummary = z
  .object({
    name: z.string().meta({ description: 'The process: returns, repairs, complaints' }),
    title: z.string(),
    caseTypes: z.array(CaseType),
    initialStatus: CaseStatus,
    statuses: z.array(ProcessStatus).meta({ description: 'In the order the process lists them, the initial status first' }),
    actions: z.array(z.string()).meta({ description: 'Every action the process has' }),
    outcomes: z.array(z.string()),
    openCases: Count.meta({ description: 'All its open cases' }),
  })
  .meta({ id: 'ProcessSummary' });

export const ProcessList = z.object({ processes: z.array(ProcessSummary) }).meta({ id: 'ProcessList' });
export type ProcessList = z.infer<typeof ProcessList>;
