import { type ChildWorkflowHandle, isCancellation, ParentClosePolicy, patched, startChild } from '@temporalio/workflow';
import { escalation, escalationCaseClosedSignal, type EscalationInput, raiseEscalationSignal } from '../escalation/escalation';
import type { CaseJournal } from './caseJournal';

/** Guard the changes for cases recorded before them (docs/architecture.md, "Cases in flight survive changes"). */
const ONE_OPEN_ESCALATION = 'one-open-escalation';
const ESCALATION_ENDS_WITH_CASE = 'escalation-ends-with-case';

export type EscalationSpec = Omit<EscalationInput, 'escalationId' | 'parentCaseId'>;

/**
 * A case's escalation: a child workflow of its own, recorded on the case, and at most one open at
 * a time. A clock missed while one is open raises it a level instead of starting another beside
 * it; one missed after it ended starts a new one. The child is abandoned, not ended, by Temporal
 * when the case's workflow completes; the case tells it first that it closed.
 */
export class CaseEscalation {
  /** The escalation still running, as far as the case has heard. */
  private open: ChildWorkflowHandle<typeof escalation> | null = null;

  constructor(private readonly journal: CaseJournal<string>) {}

  /** `key` names the occurrence (a complaint counts them; a repair names the late supplier step), so a replay starts nothing twice. */
  async escalate(key: string, spec: EscalationSpec): Promise<void> {
    const open = this.open;
    if (open && patched(ONE_OPEN_ESCALATION)) {
      // Signalling an escalation that has just ended fails: the breach then gets one of its own.
      if (await delivered(open.signal(raiseEscalationSignal, { reason: spec.reason }))) return;
    }
    const escalationId = this.journal.keys.key('escalation', key);
    const child = await startChild(escalation, {
      workflowId: escalationId,
      args: [{ escalationId, parentCaseId: this.journal.caseId, ...spec }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    this.open = child;
    const ended = () => {
      if (this.open === child) this.open = null;
    };
    void child.result().then(ended, ended);
    await this.journal.record('escalation.started', { data: { escalationId, reason: spec.reason } });
  }

  /** The case closed: its open escalation ends with it, leaving the escalations queue. */
  async caseClosed(): Promise<void> {
    const open = this.open;
    if (open && patched(ESCALATION_ENDS_WITH_CASE)) await delivered(open.signal(escalationCaseClosedSignal));
  }
}

/** Whether the escalation took the signal; false when it had ended meanwhile. */
async function delivered(signal: Promise<void>): Promise<boolean> {
  try {
    await signal;
    return true;
  } catch (err) {
    if (isCancellation(err)) throw err;
    return false;
  }
}
