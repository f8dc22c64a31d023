import { seconds } from '../../config/policies/duration';
import type { CasePolicies } from '../../config/policies/profiles';
import { feedbackPolicies } from '../../config/policies/feedbackPolicy';
import { segmentPolicies } from '../../config/policies/segmentPolicy';
import { slaPolicies, type SlaPolicy } from '../../config/policies/slaPolicy';
import { complaintPolicy } from '../../workflows/complaints/policy';
import { repairPolicy } from '../../workflows/repairs/policy';
import { returnPolicy } from '../../workflows/returns/policy';
import { inquiryPolicy } from '../../workflows/inquiries/policy';
import { installationPolicy } from '../../workflows/installations/policy';
import { suggestionPolicy } from '../../workflows/suggestions/policy';

/**
 * The demo profile with clocks short enough that every recording scenario ends within a minute,
 * yet long enough that the recorder acts before a clock it does not mean to run out.
 */

const returns = {
  ...returnPolicy.profiles.demo,
  version: 'returns/recording',
  shipByMs: seconds(8),
  surveyWindowMs: seconds(3),
};

const repairs = {
  ...repairPolicy.profiles.demo,
  version: 'repairs/recording',
  troubleshootingWindowMs: seconds(30),
  supplierResponseMs: { default: seconds(5), bySupplier: {} },
  quoteApprovalWindowMs: seconds(30),
  autoCloseAfterShipBackMs: seconds(15),
  escalation: { levels: repairPolicy.profiles.demo.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(2) })) },
};

const complaints = {
  ...complaintPolicy.profiles.demo,
  version: 'complaints/recording',
  escalation: { ...complaintPolicy.profiles.demo.escalation, levels: complaintPolicy.profiles.demo.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(5) })) },
};

/** Long enough to answer one suggestion, short enough that another closes unanswered within the recording. */
const suggestions = {
  ...suggestionPolicy.profiles.demo,
  version: 'suggestions/recording',
  answerWithinMs: seconds(8),
};

/** The customer's word on an automated answer, and a person's, each within a recording's minute. */
const inquiries = {
  ...inquiryPolicy.profiles.demo,
  version: 'inquiries/recording',
  confirmWithinMs: seconds(6),
  closeUnansweredAfterMs: seconds(10),
};

/** An installer's report and a defect's remedy each owed within a recording's minute. */
const installations = {
  ...installationPolicy.profiles.demo,
  version: 'installations/recording',
  acceptOfferWithinMs: seconds(6),
  reportWithinMs: seconds(20),
  remedyWithinMs: seconds(20),
};

const targets: Partial<Record<SlaPolicy['rules'][number]['clock'], number>> = {
  first_response: seconds(8),
  solution: seconds(60),
  verification: seconds(5),
  review: seconds(10),
};

const sla: SlaPolicy = {
  ...slaPolicies.demo,
  version: 'sla/recording',
  rules: slaPolicies.standard.rules.map((r) => ({ ...r, businessHours: false, targetMs: targets[r.clock] ?? r.targetMs })),
};

/** Answered in time or left to expire after one reminder, within seconds. */
const feedback = {
  ...feedbackPolicies.demo,
  version: 'feedback/recording',
  reminderAfterMs: seconds(3),
  closeAfterMs: seconds(6),
  followUpWithinMs: seconds(30),
};

export const recordingPolicies: CasePolicies = { returns, repairs, complaints, suggestions, inquiries, installations, sla, segments: segmentPolicies.demo, feedback };
