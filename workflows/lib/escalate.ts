import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { escalation, type EscalationInput } from '../escalation/escalation';
import type { CaseJournal } from './caseJournal';

/**
 * Starts an escalation for a case as a child workflow, recorded on the case. The child is
 * abandoned, not ended, when the case closes: a breach still needs someone to answer for it.
 */
export async function startEscalation(
  journal: CaseJournal<string>,
  key: string,
  spec: Omit<EscalationInput, 'escalationId' | 'parentCaseId'>,
): Promise<string> {
  // A second escalation of the same clock (a technician late twice) is a workflow of its own.
  const escalationId = journal.keys.key('escalation', key);
  await startChild(escalation, {
    workflowId: escalationId,
    args: [{ escalationId, parentCaseId: journal.caseId, ...spec }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  await journal.record('escalation.started', { data: { escalationId, reason: spec.reason } });
  return escalationId;
}
