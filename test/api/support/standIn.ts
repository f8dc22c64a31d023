import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseStorePort } from '../../../activities/types';
import type { Actor } from '../../../domain/case';
import { type ActionOf, allowedActions, expectedSteps, type Process, type StatusOf, type StepOf } from '../../../domain/process';
import { alreadyAssigned, invalidTransition, unknownPartner } from '../../../workflows/lib/facts';
import {
  assignCaseUpdate,
  caseActionUpdate,
  caseViewQuery,
  type PartnerStepRequest,
  partnerStepUpdate,
} from '../../../workflows/lib/messages';
import { appliedStepsQuery } from './appliedSteps';

const { recordCaseEvent } = proxyActivities<CaseStorePort>({ startToCloseTimeout: '10 seconds' });
const standInActor: Actor = { kind: 'system', id: 'stand-in' };

interface StandInInput {
  caseId: string;
  type: string;
}

/** How a stand-in moves: where it starts, and the status each action and step leads to. */
export interface StandInScript<P extends Process, Input extends StandInInput> {
  definition: P;
  initial: StatusOf<P>;
  afterAction: Record<ActionOf<P>, (status: StatusOf<P>) => StatusOf<P>>;
  afterStep: Record<StepOf<P>, (status: StatusOf<P>, req: PartnerStepRequest) => StatusOf<P>>;
  policyVersion(input: Input): string;
  /** What the case record shows once an action is taken, written as the real workflow would. */
  recordOn?: Partial<Record<ActionOf<P>, (input: Input) => Record<string, unknown>>>;
  /** Throws UnknownPartner for a partner of the right kind the case does not deal with. */
  checkPartner?(req: PartnerStepRequest, input: Input): void;
}

/**
 * A stand-in for a process's workflow, registered under its workflow type: it answers the same
 * messages from the registered definition's transition table (what each status allows, which
 * partner kind reports each step, who holds the case) but runs no activities beyond the records
 * the API reads, so API tests do not depend on the process implementation.
 */
export function standIn<P extends Process, Input extends StandInInput>(script: StandInScript<P, Input>) {
  const { definition } = script;
  return async (input: Input): Promise<void> => {
    let status: StatusOf<P> = script.initial;
    let assignee: string | null = null;
    let details: Record<string, unknown> = {};
    let appliedSteps = 0;
    let recorded = 0;
    const record = (type: string, patch: Record<string, unknown>, data: Record<string, unknown>, actor: Actor = standInActor) =>
      recordCaseEvent({ caseId: input.caseId, eventKey: `${++recorded}:${type}`, type, at: new Date().toISOString(), actor, data, patch });

    setHandler(caseViewQuery, () => ({
      caseId: input.caseId,
      type: input.type,
      status,
      outcome: null,
      policyVersion: script.policyVersion(input),
      deadlines: [],
      allowedActions: [...allowedActions(definition, status)],
      expectedSteps: [...expectedSteps(definition, status)],
      details,
    }));
    setHandler(appliedStepsQuery, () => appliedSteps);

    const recordOn: Partial<Record<string, (input: Input) => Record<string, unknown>>> = script.recordOn ?? {};
    setHandler(
      caseActionUpdate,
      async ({ action }) => {
        const facts = recordOn[action]?.(input);
        if (facts) {
          details = { ...details, ...facts };
          await record(`${action}.recorded`, { details: facts }, facts);
        }
        // The validator let only this process's actions through.
        status = script.afterAction[action as ActionOf<P>](status);
        return { status };
      },
      {
        validator: ({ action }) => {
          const allowed = allowedActions(definition, status);
          if (!allowed.includes(action)) throw invalidTransition(`action "${action}"`, status, allowed);
        },
      },
    );

    setHandler(
      partnerStepUpdate,
      (req) => {
        status = script.afterStep[req.step as StepOf<P>](status, req);
        appliedSteps += 1;
        return { status };
      },
      {
        validator: (req) => {
          const allowed = expectedSteps(definition, status);
          if (!allowed.includes(req.step)) throw invalidTransition(`step "${req.step}"`, status, allowed);
          const kind = definition.steps[req.step]!.partner;
          if (req.partner.kind !== kind) throw unknownPartner(`step "${req.step}" must come from a ${kind}`);
          script.checkPartner?.(req, input);
        },
      },
    );

    setHandler(
      assignCaseUpdate,
      async ({ agentId, actor }) => {
        if (assignee !== agentId) {
          const from = assignee;
          assignee = agentId;
          await record('case.assigned', { assignee: agentId }, { from, to: agentId }, actor);
        }
        return { status, assignee };
      },
      {
        validator: ({ agentId, onlyIfFree }) => {
          if (status === 'closed') throw invalidTransition('assignment', status, []);
          if (onlyIfFree && assignee !== null && assignee !== agentId) throw alreadyAssigned(input.caseId, assignee);
        },
      },
    );

    await condition(() => status === 'closed');
  };
}
