import { condition, setHandler } from '@temporalio/workflow';
import { type ActionMessage, type ActionOf, allowedActions, expectedSteps, type Process, type StepMessage, type StepOf } from '../../domain/process';
import type { CaseJournal } from './caseJournal';
import type { CaseEscalation } from './escalate';
import { alreadyAssigned, auditOf, Fact, type FactValue, invalidTransition, unknownPartner } from './facts';
import {
  type AssignRequest,
  assignCaseUpdate,
  type CaseActionRequest,
  caseActionUpdate,
  caseViewQuery,
  type PartnerStepRequest,
  partnerStepUpdate,
} from './messages';

/** What a process keeps of what it has been told: one optional fact per thing its main flow waits on. */
export type FactSlots<Facts> = { [K in keyof Facts]?: Fact<unknown> };

/** Where a process keeps what it has been told. */
export interface FactBook<Facts extends FactSlots<Facts>> {
  journal: CaseJournal<string>;
  facts: Facts;
  /** Partner event ids already taken, so a redelivery under a new update id changes nothing. */
  seenEvents: Set<string>;
  /** The case's escalation, for a process that escalates: it ends when the case closes. */
  escalation?: CaseEscalation;
}

type Slot<Facts> = keyof Facts & string;

/**
 * How one message becomes a fact of one slot. `fact` is a method so that every action's binding,
 * typed by its own payload, fits the one table the handlers read; the validator has made sure the
 * message is that action's (or step's) before it is called.
 */
type Binding<Facts, Message> = {
  [S in Slot<Facts>]: { slot: S; fact(message: Message): FactValue<Facts[S]> };
}[Slot<Facts>];

/** Each of the process's actions, turned into the fact its flow waits on; the payload is typed by the action's schema. */
export type ActionBindings<P, Facts> = { [A in ActionOf<P>]: Binding<Facts, CaseActionRequest & ActionMessage<P, A>> };
/** Each of the process's partner steps, likewise; the data is typed by the partner kind's event. */
export type StepBindings<P, Facts> = { [S in StepOf<P>]: Binding<Facts, PartnerStepRequest & StepMessage<P, S>> };

interface ErasedBinding<Slot, Message> {
  slot: Slot;
  fact(message: Message): unknown;
}

/** How a case changes hands; by default the record names the new assignee (see defaultAssignment). */
export interface Assignment {
  /** Whether the case may change hands in this status (closed: never). */
  allowed(status: string): boolean;
  assign(fact: Fact<{ agentId: string }>): Promise<void>;
}

export interface FactRules<P extends Process, Facts> {
  definition: P;
  caseId: string;
  type: string;
  policyVersion: string;
  actions: ActionBindings<P, Facts>;
  steps: StepBindings<P, Facts>;
  /**
   * Throws UnknownPartner when a step of the right partner kind comes from a partner this case
   * does not deal with (another carrier's tracking number, a supplier it is not assigned to).
   */
  checkPartner?(req: PartnerStepRequest): void;
  /** Throws InvalidPayload when the case's own rules refuse a payload its schema allows (an installer offers no slots to pick). */
  checkAction?(req: CaseActionRequest): void;
  /** A repeat of these while the first is pending joins it instead of being refused (cancel). */
  joinable?: readonly Slot<Facts>[];
  assignment?: Assignment;
}

function audited<T>(fact: Fact<T>, req: CaseActionRequest | PartnerStepRequest | AssignRequest): Fact<T> {
  fact.audit = auditOf(req);
  return fact;
}

/** The record names the new assignee, with who gave it the case: for processes that do not route by skill. */
export function defaultAssignment(journal: CaseJournal<string>): Assignment {
  return {
    allowed: (status) => status !== 'closed',
    assign: (fact) =>
      journal.record('case.assigned', {
        by: fact,
        data: { from: journal.assignee, to: fact.value.agentId },
        patch: { assignee: fact.value.agentId },
      }),
  };
}

/**
 * The update handlers and the view query every case workflow answers, from its definition's
 * transition table. Validators refuse what the current status does not allow, so an invalid
 * action or step is answered at once and leaves nothing in history; accepted ones become facts,
 * and the handler answers once the main flow has acted on them, so the caller's response names
 * the status its request led to.
 */
export function registerFactHandlers<P extends Process, Facts extends FactSlots<Facts>>(
  book: FactBook<Facts>,
  rules: FactRules<P, Facts>,
): void {
  const process: Process = rules.definition;
  const actions: Record<string, ErasedBinding<Slot<Facts>, CaseActionRequest>> = rules.actions;
  const steps: Record<string, ErasedBinding<Slot<Facts>, PartnerStepRequest>> = rules.steps;
  const facts: FactSlots<Facts> = book.facts;
  const assignment = rules.assignment ?? defaultAssignment(book.journal);
  const status = () => book.journal.status;
  const actionsNow = () => allowedActions(process, status());
  const stepsNow = () => expectedSteps(process, status());
  const pending = (slot: Slot<Facts>) => {
    const fact = facts[slot];
    return fact !== undefined && !fact.acknowledged ? fact : undefined;
  };
  /** The one write that cannot be typed per slot: the binding's slot and its fact's value belong together. */
  const store = (slot: Slot<Facts>, fact: Fact<unknown>) => {
    facts[slot] = fact;
  };

  setHandler(
    caseActionUpdate,
    async (req) => {
      const binding = actions[req.action]!;
      const fact = pending(binding.slot) ?? audited(new Fact(binding.fact(req), req.actor, req.requestId), req);
      store(binding.slot, fact);
      await fact.settled();
      return { status: status() };
    },
    {
      validator: (req) => {
        const allowed = actionsNow();
        const slot = allowed.includes(req.action) ? actions[req.action]?.slot : undefined;
        if (slot === undefined || (pending(slot) && !rules.joinable?.includes(slot))) {
          throw invalidTransition(`action "${req.action}"`, status(), allowed);
        }
        rules.checkAction?.(req);
      },
    },
  );

  setHandler(
    partnerStepUpdate,
    async (req) => {
      if (book.seenEvents.has(req.eventId)) return { status: status() };
      book.seenEvents.add(req.eventId);
      const binding = steps[req.step]!;
      const fact = audited(new Fact(binding.fact(req), { kind: req.partner.kind, id: req.partner.id }, req.eventId), req);
      store(binding.slot, fact);
      await fact.settled();
      return { status: status() };
    },
    {
      validator: (req) => {
        if (book.seenEvents.has(req.eventId)) return;
        const allowed = stepsNow();
        const binding = allowed.includes(req.step) ? steps[req.step] : undefined;
        if (!binding || pending(binding.slot)) throw invalidTransition(`step "${req.step}"`, status(), allowed);
        const kind = process.steps[req.step]!.partner;
        if (req.partner.kind !== kind) throw unknownPartner(`step "${req.step}" must come from a ${kind}`);
        rules.checkPartner?.(req);
      },
    },
  );

  // One assignment at a time: a claim is judged against the assignment in flight, not only the settled one.
  let assigning: string | null = null;
  setHandler(
    assignCaseUpdate,
    async (req) => {
      if (assigning !== null) await condition(() => assigning === null);
      if (book.journal.assignee !== req.agentId) {
        assigning = req.agentId;
        try {
          await assignment.assign(audited(new Fact({ agentId: req.agentId }, req.actor, req.requestId), req));
        } finally {
          assigning = null;
        }
      }
      return { status: status(), assignee: book.journal.assignee };
    },
    {
      validator: (req) => {
        if (!assignment.allowed(status())) throw invalidTransition('assignment', status(), actionsNow());
        const holder = assigning ?? book.journal.assignee;
        if (req.onlyIfFree && holder !== null && holder !== req.agentId) throw alreadyAssigned(rules.caseId, holder);
      },
    },
  );

  setHandler(caseViewQuery, () => ({
    caseId: rules.caseId,
    type: rules.type,
    status: status(),
    outcome: book.journal.outcome,
    policyVersion: rules.policyVersion,
    deadlines: book.journal.deadlines,
    allowedActions: [...actionsNow()],
    expectedSteps: [...stepsNow()],
    details: book.journal.details,
  }));
}

/** Every fact still waiting gets the final status: a step accepted as the case closed is answered. */
export function settleAll<Facts extends FactSlots<Facts>>(book: FactBook<Facts>): void {
  for (const fact of Object.values<Fact<unknown> | undefined>(book.facts)) fact?.acknowledge();
}
