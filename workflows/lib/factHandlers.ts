import { setHandler } from '@temporalio/workflow';
import type { CaseJournal } from './caseJournal';
import { auditOf, type Fact, invalidTransition } from './facts';
import {
  type CaseActionRequest,
  caseActionUpdate,
  caseViewQuery,
  type PartnerStepRequest,
  partnerStepUpdate,
} from './messages';

/** Where a process keeps what it has been told: one slot per thing its main flow waits on. */
export interface FactBook<Slot extends string> {
  journal: CaseJournal<string>;
  facts: Partial<Record<Slot, Fact<unknown>>>;
  /** Partner event ids already taken, so a redelivery under a new update id changes nothing. */
  seenEvents: Set<string>;
}

export interface FactRules<Slot extends string> {
  caseId: string;
  type: string;
  policyVersion: string;
  allowedActions(status: string): readonly string[];
  allowedSteps(status: string): readonly string[];
  actionSlot(action: string): Slot;
  stepSlot(step: string): Slot;
  toActionFact(req: CaseActionRequest): Fact<unknown>;
  toStepFact(req: PartnerStepRequest): Fact<unknown>;
  /** Throws UnknownPartner when the step comes from a partner this case is not assigned to. */
  checkPartner(req: PartnerStepRequest): void;
  /** A repeat of these while the first is pending joins it instead of being refused (cancel). */
  joinable?: readonly Slot[];
}

/**
 * The update handlers and the view query every case workflow answers. Validators refuse what the
 * current status does not allow, so an invalid action or step is answered at once and leaves
 * nothing in history; accepted ones become facts, and the handler answers once the main flow has
 * acted on them, so the caller's response names the status its request led to.
 */
function audited(fact: Fact<unknown>, req: CaseActionRequest | PartnerStepRequest): Fact<unknown> {
  fact.audit = auditOf(req);
  return fact;
}

export function registerFactHandlers<Slot extends string>(book: FactBook<Slot>, rules: FactRules<Slot>): void {
  const status = () => book.journal.status;
  const pending = (slot: Slot) => {
    const fact = book.facts[slot];
    return fact !== undefined && !fact.acknowledged ? fact : undefined;
  };

  setHandler(
    caseActionUpdate,
    async (req) => {
      const slot = rules.actionSlot(req.action);
      const fact = pending(slot) ?? audited(rules.toActionFact(req), req);
      book.facts[slot] = fact;
      await fact.settled();
      return { status: status() };
    },
    {
      validator: (req) => {
        const allowed = rules.allowedActions(status());
        const slot = allowed.includes(req.action) ? rules.actionSlot(req.action) : undefined;
        if (slot === undefined || (pending(slot) && !rules.joinable?.includes(slot))) {
          throw invalidTransition(`action "${req.action}"`, status(), allowed);
        }
      },
    },
  );

  setHandler(
    partnerStepUpdate,
    async (req) => {
      if (book.seenEvents.has(req.eventId)) return { status: status() };
      book.seenEvents.add(req.eventId);
      const fact = audited(rules.toStepFact(req), req);
      book.facts[rules.stepSlot(req.step)] = fact;
      await fact.settled();
      return { status: status() };
    },
    {
      validator: (req) => {
        if (book.seenEvents.has(req.eventId)) return;
        const allowed = rules.allowedSteps(status());
        if (!allowed.includes(req.step) || pending(rules.stepSlot(req.step))) {
          throw invalidTransition(`step "${req.step}"`, status(), allowed);
        }
        rules.checkPartner(req);
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
    allowedActions: [...rules.allowedActions(status())],
    expectedSteps: [...rules.allowedSteps(status())],
    details: book.journal.details,
  }));
}

/** Every fact still waiting gets the final status: a step accepted as the case closed is answered. */
export function settleAll<Slot extends string>(book: FactBook<Slot>): void {
  for (const fact of Object.values<Fact<unknown> | undefined>(book.facts)) fact?.acknowledge();
}
