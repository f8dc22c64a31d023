import type { Actor } from '../../domain/case';
import type { InspectionResult } from '../../domain/partners';
import type { StatusOf, StepOf } from '../../domain/process';
import { CaseJournal } from '../lib/caseJournal';
import type { Fact } from '../lib/facts';
import type { returns } from './definition';

export type ReturnStatus = StatusOf<typeof returns>;
/** The carrier's steps on a return parcel. */
export type ParcelStep = Extract<StepOf<typeof returns>, 'picked_up' | 'delivered'>;

export interface ReviewDecision {
  decision: 'approve' | 'reject';
  note?: string;
}

export interface ParcelScan {
  trackingNumber: string;
  occurredAt: string;
}

export interface InspectionReport {
  result: InspectionResult;
  notes?: string;
  occurredAt: string;
}

export interface SurveyAnswer {
  score: number;
  comment?: string;
}

/** What a return case has been told so far, one slot per step it waits on. */
export interface ReturnFacts {
  review?: Fact<ReviewDecision>;
  cancel?: Fact<{ reason?: string }>;
  pickedUp?: Fact<ParcelScan>;
  delivered?: Fact<ParcelScan>;
  inspection?: Fact<InspectionReport>;
  survey?: Fact<SurveyAnswer>;
}

export class ReturnState {
  readonly journal: CaseJournal<ReturnStatus>;
  readonly facts: ReturnFacts = {};
  readonly seenEvents = new Set<string>();
  /** The label as the logistics system issued it; one issued before labels named their warehouse has no warehouseId. */
  label?: { labelId: string; trackingNumber: string; carrier: string; warehouseId?: string };
  handledBy?: Actor;

  constructor(caseId: string) {
    this.journal = new CaseJournal<ReturnStatus>(caseId, 'requested');
  }

  get status(): ReturnStatus {
    return this.journal.status;
  }
}
