import type { PolicyProfile } from '../../domain/process';
import { type ProcessPolicies, processPolicies } from '../../workflows/registry';
import { type FeedbackPolicy, feedbackPolicies } from './feedbackPolicy';
import { type SegmentPolicy, segmentPolicies } from './segmentPolicy';
import { type SlaPolicy, slaPolicies } from './slaPolicy';

/**
 * The policies new cases pin: one per registered process, by its name, the SLA targets, the
 * segment thresholds intake places the customer with, and the feedback survey every case ends with.
 */
export type CasePolicies = ProcessPolicies & { sla: SlaPolicy; segments: SegmentPolicy; feedback: FeedbackPolicy };

/** Every policy of one profile (POLICY_PROFILE): the shipped defaults, or the demo's short clocks. */
export function casePolicies(profile: PolicyProfile): CasePolicies {
  return { ...processPolicies(profile), sla: slaPolicies[profile], segments: segmentPolicies[profile], feedback: feedbackPolicies[profile] };
}
