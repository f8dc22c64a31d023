import type { CasePatch } from '../../activities/types';
import type { Actor, Deadline } from '../../domain/case';
import { chooseLocalPorts, journalStore } from './activities';
import type { Fact } from './facts';
import { OccurrenceKeys } from './occurrenceKeys';

export const systemActor: Actor = { kind: 'system', id: 'orchestrator' };

/**
 * The workflow's in-memory view of its case, and the writer of its timeline. Status changes take
 * effect in memory at once (validators and the query see them immediately) and reach PostgreSQL
 * through one chain of case-store activities, so the projection applies them in the order they
 * happened even when an update handler and the main flow record at the same time. The writes are
 * local activities: at least once like any activity (a worker that dies before its workflow task
 * completes leaves no marker, so the next one writes again, which the event key makes a no-op),
 * retried by the worker under the same policy.
 */
export class CaseJournal<Status extends string> {
  status: Status;
  outcome: string | null = null;
  deadlines: Deadline[] = [];
  details: Record<string, unknown> = {};
  /** Who holds the case; the workflow is the only writer of the record's assignee. */
  assignee: string | null = null;
  /** Keys for the case's side effects, one per occurrence. */
  readonly keys: OccurrenceKeys;
  private recorded = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly caseId: string,
    initial: Status,
    /** Set by a workflow that writes to another's case (its feedback survey): its event keys stay apart. */
    private readonly scope?: string,
  ) {
    this.status = initial;
    this.keys = new OccurrenceKeys(caseId);
    // A case's journal is the first thing its workflow makes: the place to choose its ports.
    chooseLocalPorts();
  }

  /**
   * Appends one timeline event and applies its patch; resolves once PostgreSQL has it. An event a
   * request caused names it in `by`: the fact's actor, and the request's id and role in the data,
   * are the audit trail. Without `by` (or `actor`), the orchestrator itself acted.
   */
  record(
    type: string,
    change: {
      status?: Status;
      by?: Pick<Fact<unknown>, 'actor' | 'audit'>;
      actor?: Actor;
      data?: Record<string, unknown>;
      patch?: Omit<CasePatch, 'status'>;
    } = {},
  ): Promise<void> {
    if (change.status) this.status = change.status;
    if (change.patch?.outcome) this.outcome = change.patch.outcome;
    if (change.patch?.deadlines) this.deadlines = change.patch.deadlines;
    if (change.patch?.details) this.details = { ...this.details, ...change.patch.details };
    if (change.patch?.assignee !== undefined) this.assignee = change.patch.assignee;
    const event = {
      caseId: this.caseId,
      eventKey: `${this.scope ? `${this.scope}:` : ''}${++this.recorded}:${type}`,
      type,
      at: new Date().toISOString(),
      actor: change.by?.actor ?? change.actor ?? systemActor,
      data: { ...change.data, ...change.by?.audit },
      patch: { ...change.patch, ...(change.status ? { status: change.status } : {}) },
    };
    const written = this.tail.then(() => journalStore.recordCaseEvent(event));
    this.tail = written.catch(() => undefined);
    return written.then(() => undefined);
  }

  /** A deadline that starts now, in the workflow's deterministic clock. */
  deadline(name: string, inMs: number): Deadline {
    return { name, dueAt: new Date(Date.now() + inMs).toISOString() };
  }
}
