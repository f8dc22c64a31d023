import type { Pool } from 'pg';
import { CasePriority, type CaseType, type Channel, supervisorQueues, type WorkItemKind, type WorkQueue } from '../domain';
import { processes } from '../workflows/registry';
import { openEscalationSql, openFollowUpSql } from './queueScope';
import { SqlParams } from './sqlParams';

/** One human step waiting on a case. */
export interface WorkItem {
  caseId: string;
  kind: WorkItemKind;
  queue: WorkQueue;
  assignee: string | null;
  /** When the step is due: the earliest deadline timing it; null when nothing times it. */
  dueAt: string | null;
  priority: CasePriority;
  status: string;
  type: CaseType;
  /** When its case opened: where the console counts a clock's warning share from (docs/web.md). */
  openedAt: string;
}

export interface WorkItemFilter {
  assignee?: string;
  queue?: WorkQueue;
  limit: number;
  /**
   * An agent sees their own items and the unassigned ones in their queues (every queue when
   * their token names none), never a supervisors' queue; supervisors and admins leave this out and
   * see everything.
   */
  agent?: { id: string; queues?: string[] };
}

/** A step waiting in a case status: which cases, and the deadlines (by name) that time it. */
interface StatusStep {
  kind: WorkItemKind;
  queue: WorkQueue;
  types: readonly string[];
  status: string;
  channel?: Channel;
  deadlines: readonly string[];
}

/** The work items every registered process declares, each with the case types it applies to. */
const statusSteps: StatusStep[] = processes.flatMap((p) =>
  p.workItems.map((rule) => ({ ...rule, queue: rule.queue ?? p.queue, types: p.caseTypes })),
);

const itemColumns = 'case_id, kind, queue, assignee, due_at, priority, status, type, created_at';

function statusStepSql(step: StatusStep, add: SqlParams['add']): string {
  const due = `(SELECT min((d->>'dueAt')::timestamptz) FROM jsonb_array_elements(deadlines) d
                 WHERE d->>'name' = ANY (${add(step.deadlines)}::text[]))`;
  const channel = step.channel ? ` AND channel = ${add(step.channel)}` : '';
  return `SELECT id, ${add(step.kind)}::text, ${add(step.queue)}::text, assignee, ${due}, priority, status, type, created_at
            FROM cases WHERE status = ${add(step.status)} AND type = ANY (${add(step.types)}::text[])${channel}`;
}

/**
 * An open escalation waits on whoever acknowledges it at its current level, not on the case's
 * assignee, and may outlive its case (a breach still needs an answer after the case closed).
 */
function escalationSql(add: SqlParams['add']): string {
  const kind: WorkItemKind = 'acknowledge_escalation';
  const queue: WorkQueue = 'escalations';
  return `SELECT id, ${add(kind)}::text, ${add(queue)}::text, NULL::text, (details->'escalation'->>'dueAt')::timestamptz,
                 priority, status, type, created_at
            FROM cases WHERE ${openEscalationSql}`;
}

/** A low rating waits for a supervisor's follow-up after its case closed, by the policy's time. */
function followUpSql(add: SqlParams['add']): string {
  const kind: WorkItemKind = 'follow_up_low_rating';
  const queue: WorkQueue = 'follow_ups';
  return `SELECT id, ${add(kind)}::text, ${add(queue)}::text, NULL::text, (details->'feedback'->'followUp'->>'dueAt')::timestamptz,
                 priority, status, type, created_at
            FROM cases WHERE ${openFollowUpSql}`;
}

/** A case drawn into the daily quality sample waits for a QA review until its due time (docs/quality.md). */
function qualityReviewSql(add: SqlParams['add']): string {
  const kind: WorkItemKind = 'review_quality_sample';
  const queue: WorkQueue = 'quality';
  return `SELECT c.id, ${add(kind)}::text, ${add(queue)}::text, NULL::text, s.due_at, c.priority, c.status, c.type, c.created_at
            FROM quality_samples s JOIN cases c ON c.id = s.case_id WHERE s.reviewed_at IS NULL`;
}

function visibleToAgentSql(agent: NonNullable<WorkItemFilter['agent']>, add: SqlParams['add']): string {
  const unassigned = agent.queues ? `(assignee IS NULL AND queue = ANY (${add(agent.queues)}::text[]))` : 'assignee IS NULL';
  return `((assignee = ${add(agent.id)} OR ${unassigned}) AND queue <> ALL (${add(supervisorQueues)}::text[]))`;
}

/**
 * The human steps waiting, most urgent first: the earliest due first, those without a due time
 * last; then the higher priority, then the older case. Computed from the projection on each call,
 * so a step disappears the moment its case records that it moved on.
 */
export async function listWorkItems(pool: Pool, filter: WorkItemFilter): Promise<WorkItem[]> {
  const params = new SqlParams();
  const items = [
    ...statusSteps.map((step) => statusStepSql(step, params.add)),
    escalationSql(params.add),
    followUpSql(params.add),
    qualityReviewSql(params.add),
  ];
  const conditions: string[] = [];
  if (filter.queue !== undefined) conditions.push(`queue = ${params.add(filter.queue)}`);
  if (filter.assignee !== undefined) conditions.push(`assignee = ${params.add(filter.assignee)}`);
  if (filter.agent !== undefined) conditions.push(visibleToAgentSql(filter.agent, params.add));
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const { rows } = await pool.query<Omit<WorkItem, 'caseId' | 'dueAt' | 'openedAt'> & { case_id: string; due_at: string | null; created_at: string }>(
    `SELECT ${itemColumns} FROM (${items.join(' UNION ALL ')}) AS items (${itemColumns})
      ${where}
      ORDER BY due_at ASC NULLS LAST, array_position(${params.add(CasePriority.options)}::text[], priority) DESC, created_at, case_id, kind
      LIMIT ${params.add(filter.limit)}`,
    params.values,
  );
  return rows.map(({ case_id, due_at, kind, queue, assignee, priority, status, type, created_at }) => ({
    caseId: case_id,
    kind,
    queue,
    assignee,
    dueAt: due_at,
    priority,
    status,
    type,
    openedAt: created_at,
  }));
}
