import type { PolicyProfile } from '../../domain/process';
import { type ProcessPolicies, processPolicies } from '../../workflows/registry';
import { type SlaPolicy, slaPolicies } from './slaPolicy';

/** The policies new cases pin: one per registered process, by its name, and the SLA targets. */
export type CasePolicies = ProcessPolicies & { sla: SlaPolicy };

/** Every policy of one profile (POLICY_PROFILE): the shipped defaults, or the demo's short clocks. */
export function casePolicies(profile: PolicyProfile): CasePolicies {
  return { ...processPolicies(profile), sla: slaPolicies[profile] };
}
