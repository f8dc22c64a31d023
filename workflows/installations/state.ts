import type { LinkedCase } from '../../domain/caseDetails';
import type { StatusOf } from '../../domain/process';
import { CaseJournal } from '../lib/caseJournal';
import { CaseEscalation } from '../lib/escalate';
import type { Fact } from '../lib/facts';
import type { installations } from './definition';

export type InstallationStatus = StatusOf<typeof installations>;

/** The installer's report of the visit. */
export interface VisitReport {
  step: 'installed' | 'defect_found';
  occurredAt: string;
  defect?: string;
  notes?: string;
}

/** What an installation waits on: the installer's report, the customer's moves, the defect's remedy. */
export interface InstallationFacts {
  offer?: Fact<{ accepted: boolean; reason?: string }>;
  report?: Fact<VisitReport>;
  reschedule?: Fact<{ slotId?: string }>;
  cancel?: Fact<{ reason?: string }>;
  converted?: Fact<LinkedCase>;
}

export class InstallationState {
  readonly journal: CaseJournal<InstallationStatus>;
  /** The case's escalation: one open at a time. */
  readonly escalation: CaseEscalation;
  readonly facts: InstallationFacts = {};
  readonly seenEvents = new Set<string>();
  /** The installer's job once booked: a report about another job is not this case's. */
  jobId: string | null = null;

  constructor(caseId: string) {
    this.journal = new CaseJournal<InstallationStatus>(caseId, 'requested');
    this.escalation = new CaseEscalation(this.journal);
  }
}
