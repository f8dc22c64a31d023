import type { StatusOf } from '../../domain/process';
import { CaseJournal } from '../lib/caseJournal';
import type { Fact } from '../lib/facts';
import type { suggestions } from './definition';

export type SuggestionStatus = StatusOf<typeof suggestions>;

/** What a suggestion waits on: staff's answer. */
export interface SuggestionFacts {
  answer?: Fact<{ text: string }>;
}

export class SuggestionState {
  readonly journal: CaseJournal<SuggestionStatus>;
  readonly facts: SuggestionFacts = {};
  readonly seenEvents = new Set<string>();

  constructor(caseId: string) {
    this.journal = new CaseJournal<SuggestionStatus>(caseId, 'received');
  }
}
