import { minutes, seconds } from '../../config/policies/duration';
import { type SlaClockName, slaPolicies, type SlaPolicy } from '../../config/policies/slaPolicy';

/** The same rules with one clock's targets replaced. */
export function withTarget(policy: SlaPolicy, clock: SlaClockName, targetMs: number): SlaPolicy {
  return { ...policy, rules: policy.rules.map((r) => (r.clock === clock ? { ...r, targetMs } : r)) };
}

/**
 * Round the clock, minutes not hours, so nothing breaches unless a test shortens it; a return's
 * review waits half a minute, so a test that leaves it alone still ends.
 */
export const testSlaPolicy: SlaPolicy = withTarget(
  {
    ...slaPolicies.standard,
    version: 'sla/test',
    rules: slaPolicies.standard.rules.map((r) => ({ ...r, businessHours: false, targetMs: Math.min(r.targetMs, minutes(30)) })),
  },
  'review',
  seconds(30),
);
