import type { Sections } from '../../scripts/docs/sections';
import { slaPolicies } from '../../config/policies/slaPolicy';
import { Segment } from '../../domain/customer';
import type { PolicyProfile } from '../../domain/process';
import type { ReturnPolicy } from './policy';
import { codes, duration, money } from '../../scripts/docs/markdown';
import { profileTable } from '../../scripts/docs/policyTables/profiles';
import { slaRuleTarget } from '../../scripts/docs/policyTables/sla';

/** The return policy's figures; the review target is the SLA policy's `review` rule of the same profile. */
export function returnPolicyTable(profiles: Record<PolicyProfile, ReturnPolicy>): string {
  const withSla = (profile: PolicyProfile) => ({ policy: profiles[profile], sla: slaPolicies[profile] });
  return profileTable({ standard: withSla('standard'), demo: withSla('demo') }, [
    ['version a case pins', ({ policy }) => policy.version],
    ...Segment.options.map((segment): [string, (p: { policy: ReturnPolicy }) => string] => [
      `return window, ${segment} customers (from delivery, else purchase)`,
      ({ policy }) => duration(policy.returnWindowMs[segment]),
    ]),
    ['conditions that may come back', ({ policy }) => codes(policy.eligibleConditions)],
    ['approved without review: segments, any amount', ({ policy }) => codes(policy.autoApprove.segments)],
    [
      'approved without review: every item in one of these conditions, up to the amount',
      ({ policy }) => `${codes(policy.autoApprove.conditions)} up to ${money(policy.autoApprove.maxAmount)}`,
    ],
    ['review target (SLA rule `review`)', ({ sla }) => slaRuleTarget(sla, 'review')],
    ['when the review target passes unanswered', ({ policy }) => `the return is ${policy.onReviewTimeout === 'approve' ? 'approved' : 'rejected'}`],
    ['ship-by window (label to carrier pickup)', ({ policy }) => duration(policy.shipByMs)],
    ['survey window (returns opened before feedback, docs/feedback.md)', ({ policy }) => duration(policy.surveyWindowMs)],
  ]);
}

/** The return policy's figures in docs/policies.md (npm run docs finds this file by the process's name). */
export function policySections(profiles: Record<PolicyProfile, ReturnPolicy>): Sections {
  return { 'policy:returns': returnPolicyTable(profiles) };
}
