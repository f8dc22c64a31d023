import { condition, setHandler } from '@temporalio/workflow';
import type { Actor } from '../../domain';
import { caseStore, chooseLocalPorts, idempotencyKey, notifications } from '../lib/activities';
import { systemActor } from '../lib/caseJournal';
import { invalidTransition } from '../lib/facts';
import { caseActionUpdate } from '../lib/messages';

export interface EscalationInput {
  escalationId: string;
  parentCaseId: string;
  reason: string;
  levels: { name: string; ackWithinMs: number }[];
  /** Major incidents start at the top level instead of the first. */
  startAtLevel?: number;
  /** Told at once, before any level: the channel a major incident is worked in. */
  incidentChannel?: string;
}

export interface EscalationResult {
  acknowledgedBy: Actor | null;
  level: string | null;
}

export const escalationWorkflowType = 'escalation';

/**
 * Raises a case level by level (team lead → supervisor → management) until someone acknowledges
 * it: each level is told and gets its own time to answer before the next one is. Every level
 * and the acknowledgement land on the parent case's timeline, so the case shows who has it now.
 */
export async function escalation(input: EscalationInput): Promise<EscalationResult> {
  chooseLocalPorts();
  const { escalationId, parentCaseId } = input;
  let acknowledgedBy: Actor | undefined;
  setHandler(
    caseActionUpdate,
    (req) => {
      acknowledgedBy ??= req.actor;
      return { status: 'acknowledged' };
    },
    {
      validator: (req) => {
        const allowed = acknowledgedBy ? [] : ['acknowledge'];
        if (!allowed.includes(req.action)) throw invalidTransition(`action "${req.action}"`, acknowledgedBy ? 'acknowledged' : 'escalated', allowed);
      },
    },
  );

  const onParent = (type: string, actor: Actor, data: Record<string, unknown>, escalationState: Record<string, unknown>) =>
    caseStore.recordCaseEvent({
      caseId: parentCaseId,
      eventKey: `${escalationId}:${type}:${String(data.level ?? '')}`,
      type,
      at: new Date().toISOString(),
      actor,
      data: { escalationId, ...data },
      patch: { details: { escalation: { id: escalationId, ...escalationState } } },
    });
  const tell = (recipientId: string, template: 'escalation_raised' | 'major_incident', level: string) =>
    notifications.notifyParty({
      caseId: parentCaseId,
      audience: 'operations',
      recipientId,
      template,
      data: { reason: input.reason, escalationId, level },
      idempotencyKey: idempotencyKey(escalationId, template, recipientId),
    });

  const levels = input.levels.slice(Math.min(input.startAtLevel ?? 0, input.levels.length - 1));
  if (input.incidentChannel) await tell(input.incidentChannel, 'major_incident', levels[0]!.name);
  for (const level of levels) {
    const dueAt = new Date(Date.now() + level.ackWithinMs).toISOString();
    await onParent('escalation.raised', systemActor, { level: level.name, reason: input.reason, dueAt }, { level: level.name, dueAt, open: true });
    await tell(level.name, 'escalation_raised', level.name);
    if (await condition(() => acknowledgedBy !== undefined, level.ackWithinMs)) {
      await onParent('escalation.acknowledged', acknowledgedBy!, { level: level.name }, { level: level.name, open: false });
      return { acknowledgedBy: acknowledgedBy!, level: level.name };
    }
  }
  await onParent('escalation.unanswered', systemActor, { level: levels.at(-1)!.name }, { level: levels.at(-1)!.name, open: false });
  return { acknowledgedBy: null, level: null };
}
