import { type ComplaintPolicy, complaintPolicies } from './complaintPolicy';
import { type RepairPolicy, repairPolicies } from './repairPolicy';
import { type PolicyProfile, type ReturnPolicy, returnPolicies } from './returnPolicy';
import { type SlaPolicy, slaPolicies } from './slaPolicy';

/** The policies new cases pin: one per process, and the SLA targets. */
export interface CasePolicies {
  returns: ReturnPolicy;
  repairs: RepairPolicy;
  complaints: ComplaintPolicy;
  sla: SlaPolicy;
}

/** Every policy of one profile (POLICY_PROFILE): the shipped defaults, or the demo's short clocks. */
export function casePolicies(profile: PolicyProfile): CasePolicies {
  return {
    returns: returnPolicies[profile],
    repairs: repairPolicies[profile],
    complaints: complaintPolicies[profile],
    sla: slaPolicies[profile],
  };
}
