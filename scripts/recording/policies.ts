import { complaintPolicies, type ComplaintPolicy } from '../../config/policies/complaintPolicy';
import { seconds } from '../../config/policies/duration';
import { repairPolicies, type RepairPolicy } from '../../config/policies/repairPolicy';
import { returnPolicies, type ReturnPolicy } from '../../config/policies/returnPolicy';
import { slaPolicies, type SlaPolicy } from '../../config/policies/slaPolicy';

/**
 * The demo profile with clocks short enough that every recording scenario ends within a minute,
 * yet long enough that the recorder acts before a clock it does not mean to run out.
 */

export const recordingReturnPolicy: ReturnPolicy = {
  ...returnPolicies.demo,
  version: 'returns/recording',
  reviewDeadlineMs: seconds(10),
  shipByMs: seconds(8),
  surveyWindowMs: seconds(3),
};

export const recordingRepairPolicy: RepairPolicy = {
  ...repairPolicies.demo,
  version: 'repairs/recording',
  troubleshootingWindowMs: seconds(30),
  supplierResponseMs: { default: seconds(5), bySupplier: {} },
  quoteApprovalWindowMs: seconds(30),
  autoCloseAfterShipBackMs: seconds(15),
  escalation: { levels: repairPolicies.demo.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(2) })) },
};

export const recordingComplaintPolicy: ComplaintPolicy = {
  ...complaintPolicies.demo,
  version: 'complaints/recording',
  escalation: { ...complaintPolicies.demo.escalation, levels: complaintPolicies.demo.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(5) })) },
};

const targets: Partial<Record<SlaPolicy['rules'][number]['clock'], number>> = {
  first_response: seconds(8),
  solution: seconds(60),
  verification: seconds(5),
};

export const recordingSlaPolicy: SlaPolicy = {
  ...slaPolicies.demo,
  version: 'sla/recording',
  rules: slaPolicies.standard.rules.map((r) => ({ ...r, businessHours: false, targetMs: targets[r.clock] ?? r.targetMs })),
};
