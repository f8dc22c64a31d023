import type { RepairStatus, SupplierStep, VisitOutcome } from '../../domain';
import { CaseJournal } from '../lib/caseJournal';
import type { Fact } from '../lib/facts';

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
  readonly facts: RepairFacts = {};
  readonly seenEvents = new Set<string>();
  supplierId?: string;
  handledByHuman = false;

  constructor(caseId: string) {
    this.journal = new CaseJournal<RepairStatus>(caseId, 'requested');
  }
}
