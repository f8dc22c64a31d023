import type { StatusOf } from '../../domain/process';
import type { LinkedCase } from '../../domain/caseDetails';
import { CaseJournal } from '../lib/caseJournal';
import { CaseEscalation } from '../lib/escalate';
import type { Fact } from '../lib/facts';
import type { inquiries } from './definition';

export type InquiryStatus = StatusOf<typeof inquiries>;

/** What an inquiry waits on: the customer's word on an automated answer, a person's answer, a conversion. */
export interface InquiryFacts {
  verdict?: Fact<{ helped: boolean; note?: string }>;
  answer?: Fact<{ text: string }>;
  converted?: Fact<LinkedCase>;
}

export class InquiryState {
  readonly journal: CaseJournal<InquiryStatus>;
  /** The case's escalation: one open at a time. */
  readonly escalation: CaseEscalation;
  readonly facts: InquiryFacts = {};
  readonly seenEvents = new Set<string>();

  constructor(caseId: string) {
    this.journal = new CaseJournal<InquiryStatus>(caseId, 'received');
    this.escalation = new CaseEscalation(this.journal);
  }
}
