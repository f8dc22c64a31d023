import type { VisitOutcome } from '../../domain/partners';
import type { StatusOf, StepOf } from '../../domain/process';
import { CaseJournal } from '../lib/caseJournal';
import { CaseEscalation } from '../lib/escalate';
import type { Fact } from '../lib/facts';
import type { repairs } from './definition';

export type RepairStatus = StatusOf<typeof repairs>;
export type SupplierStep = StepOf<typeof repairs>;

export interface SupplierReport {
  step: SupplierStep;
  occurredAt: string;
  /** Workflow time the step arrived, for the supplier's turnaround. */
  receivedAt: string;
  diagnosis?: string;
  quote?: { amount: number; currency: string };
  trackingNumber?: string;
  outcome?: VisitOutcome;
}

/** What a repair case has been told so far, one slot per thing it waits on. */
export interface RepairFacts {
  troubleshooting?: Fact<{ fixed: boolean; note?: string }>;
  quote?: Fact<{ approved: boolean; reason?: string }>;
  reschedule?: Fact<{ slotId?: string }>;
  confirm?: Fact<Record<string, never>>;
  cancel?: Fact<{ reason?: string }>;
  supplier?: Fact<SupplierReport>;
}

export class RepairState {
  readonly journal: CaseJournal<RepairStatus>;
  /** The case's escalation: one open at a time. */
  readonly escalation: CaseEscalation;
  readonly facts: RepairFacts = {};
  readonly seenEvents = new Set<string>();
  supplierId?: string;
  handledByHuman = false;

  constructor(caseId: string) {
    this.journal = new CaseJournal<RepairStatus>(caseId, 'requested');
    this.escalation = new CaseEscalation(this.journal);
  }
}
