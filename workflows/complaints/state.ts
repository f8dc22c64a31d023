import type { StatusOf } from '../../domain/process';
import { CaseJournal } from '../lib/caseJournal';
import { CaseEscalation } from '../lib/escalate';
import type { Fact } from '../lib/facts';
import type { complaints } from './definition';

export type ComplaintStatus = StatusOf<typeof complaints>;

/** What a complaint has been told, one slot per thing it waits on. */
export interface ComplaintFacts {
  acknowledge?: Fact<{ note?: string }>;
  requestInfo?: Fact<{ question: string }>;
  message?: Fact<{ text: string }>;
  proposal?: Fact<{ solution: string }>;
  verdict?: Fact<{ satisfied: boolean; comment?: string }>;
  reassign?: Fact<{ agentId?: string }>;
  escalate?: Fact<{ reason?: string }>;
}

export class ComplaintState {
  readonly journal: CaseJournal<ComplaintStatus>;
  /** The case's escalation: one open at a time. */
  readonly escalation: CaseEscalation;
  readonly facts: ComplaintFacts = {};
  readonly seenEvents = new Set<string>();
  reopened = 0;
  escalations = 0;

  constructor(caseId: string) {
    this.journal = new CaseJournal<ComplaintStatus>(caseId, 'opened');
    this.escalation = new CaseEscalation(this.journal);
  }
}
