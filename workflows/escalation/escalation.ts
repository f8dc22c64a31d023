import { condition, defineSignal, patched, setHandler } from '@temporalio/workflow';
import type { Actor } from '../../domain';
import { caseStore, chooseLocalPorts, notifications } from '../lib/activities';
import { systemActor } from '../lib/caseJournal';
import { invalidTransition } from '../lib/facts';
import { caseActionUpdate } from '../lib/messages';
import { OccurrenceKeys } from '../lib/occurrenceKeys';
import { declareVersioning } from '../lib/versioning';

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
  /** Where it stood when it ended; null when it ran out unanswered (escalations started before they waited for an answer). */
  level: string | null;
  /** How it ended; absent on escalations that ended before it was recorded. */
  ended?: 'acknowledged' | 'case_closed' | 'unanswered';
}

export const escalationWorkflowType = 'escalation';

/** The case missed another clock while this escalation was open: it goes up a level now, with this reason. */
export const raiseEscalationSignal = defineSignal<[{ reason: string }]>('raiseEscalation');
/** The case closed: nobody needs to answer for it any more. */
export const escalationCaseClosedSignal = defineSignal('escalationCaseClosed');

/** Guards the change for escalations recorded before it (docs/architecture.md, "Cases in flight survive changes"). */
const WAITS_PAST_LAST_LEVEL = 'escalation-waits-past-last-level';

/**
 * Raises a case level by level (team lead → supervisor → management) until someone acknowledges
 * it or the case closes: each level is told and gets its own time to answer before the next one
 * is; past the last level's time it stays open, overdue, at the top. Another missed clock of the
 * case raises it a level at once (the case has one escalation open at a time). Every level, the
 * acknowledgement and the end land on the parent case's timeline, so the case shows who has it now.
 */
export async function escalation(input: EscalationInput): Promise<EscalationResult> {
  chooseLocalPorts();
  const { escalationId, parentCaseId } = input;
  let acknowledgedBy: Actor | undefined;
  /** Reasons of raises not acted on yet, in the order they came. */
  const raises: string[] = [];
  let caseClosed = false;
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
  setHandler(raiseEscalationSignal, ({ reason }) => {
    raises.push(reason);
  });
  setHandler(escalationCaseClosedSignal, () => {
    caseClosed = true;
  });

  // A level raised a second time (again at the top) is an event and a message of its own; the first keeps the plain key.
  const keys = new OccurrenceKeys(escalationId);
  const onParent = (type: string, actor: Actor, data: Record<string, unknown>, escalationState: Record<string, unknown>) =>
    caseStore.recordCaseEvent({
      caseId: parentCaseId,
      eventKey: keys.key(type, String(data.level ?? '')),
      type,
      at: new Date().toISOString(),
      actor,
      data: { escalationId, ...data },
      patch: { details: { escalation: { id: escalationId, ...escalationState } } },
    });
  const tell = (recipientId: string, template: 'escalation_raised' | 'major_incident', level: string, reason: string) =>
    notifications.notifyParty({
      caseId: parentCaseId,
      audience: 'operations',
      recipientId,
      template,
      data: { reason, escalationId, level },
      idempotencyKey: keys.key(template, recipientId),
    });

  const levels = input.levels.slice(Math.min(input.startAtLevel ?? 0, input.levels.length - 1));
  const top = levels.length - 1;
  if (input.incidentChannel) await tell(input.incidentChannel, 'major_incident', levels[0]!.name, input.reason);
  const answered = () => acknowledgedBy !== undefined || raises.length > 0 || caseClosed;
  let at = 0;
  let reason = input.reason;
  for (;;) {
    const level = levels[at]!;
    const dueAt = new Date(Date.now() + level.ackWithinMs).toISOString();
    const open = { level: level.name, dueAt, open: true };
    await onParent('escalation.raised', systemActor, { level: level.name, reason, dueAt }, open);
    await tell(level.name, 'escalation_raised', level.name, reason);
    if (!(await condition(answered, level.ackWithinMs))) {
      if (at < top) {
        at += 1;
        continue;
      }
      if (!patched(WAITS_PAST_LAST_LEVEL)) {
        await onParent('escalation.unanswered', systemActor, { level: level.name }, { level: level.name, open: false });
        return { acknowledgedBy: null, level: null };
      }
      // Nobody answered in time at the top: it stays in the escalations queue, overdue, until someone does.
      await onParent('escalation.overdue', systemActor, { level: level.name, dueAt }, open);
      await condition(answered);
    }
    if (caseClosed) {
      await onParent('escalation.closed_with_case', systemActor, { level: level.name }, { level: level.name, open: false });
      return { acknowledgedBy: null, level: level.name, ended: 'case_closed' };
    }
    if (acknowledgedBy) {
      await onParent('escalation.acknowledged', acknowledgedBy, { level: level.name }, { level: level.name, open: false });
      if (raises.length === 0) return { acknowledgedBy, level: level.name, ended: 'acknowledged' };
      // Another clock was missed as it was acknowledged: that one still needs someone.
      acknowledgedBy = undefined;
    }
    reason = raises.shift() ?? reason;
    at = Math.min(at + 1, top);
  }
}

// An escalation lasts as long as its levels and its case: hours to days, outliving releases.
declareVersioning('AUTO_UPGRADE', escalation);
