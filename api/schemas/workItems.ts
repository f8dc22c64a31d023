import { z } from 'zod';
import type { AgentSummary } from '../../db/agents';
import type { WorkItem as StoredWorkItem } from '../../db/workItems';
import { AgentId, CasePriority, CaseType, WorkItemKind, WorkQueue } from '../../domain';
import { CaseId } from './caseId';

export const WorkItemsQuery = z.object({
  assignee: AgentId.optional(),
  queue: WorkQueue.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `satisfies` keeps the published shapes in step with what the database reads return. */
export const WorkItem = z
  .object({
    caseId: CaseId,
    kind: WorkItemKind,
    queue: WorkQueue,
    assignee: z.string().nullable(),
    dueAt: z.iso.datetime({ offset: true }).nullable().meta({ description: 'The earliest deadline timing this step; null: none does' }),
    priority: CasePriority,
    status: z.string(),
    type: CaseType,
    openedAt: z.iso.datetime({ offset: true }).meta({ description: "When the step's case opened" }),
  })
  .meta({ id: 'WorkItem' }) satisfies z.ZodType<StoredWorkItem>;

export const WorkItemList = z.object({ items: z.array(WorkItem) }).meta({ id: 'WorkItemList' });

export const Agent = z
  .object({
    id: z.string(),
    name: z.string(),
    skills: z.array(z.string()),
    capacity: z.number().int().nonnegative(),
    available: z.boolean(),
    openCases: z.number().int().nonnegative().meta({ description: 'The cases routing counts against the capacity now' }),
  })
  .meta({ id: 'Agent' }) satisfies z.ZodType<AgentSummary>;

export const AgentList = z.object({ items: z.array(Agent) }).meta({ id: 'AgentList' });
