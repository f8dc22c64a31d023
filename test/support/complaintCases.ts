import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { complaintPolicy, type ComplaintPolicy } from '../../workflows/complaints/policy';
import { seconds } from '../../config/policies/duration';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import type { Channel } from '../../domain';
import type { Segment } from '../../domain/customer';
import { upsertAgent } from '../../db/agents';
import type { ComplaintCaseInput } from '../../workflows/complaints/input';
import { testSlaPolicy } from './slaPolicies';

/**
 * Complaint rules whose skills are unique to one test file: agents live in the run's shared
 * database, and routing must only ever see the agents that file created.
 */
export function testComplaintPolicy(): ComplaintPolicy {
  const suffix = randomUUID().slice(0, 8);
  const standard = complaintPolicy.profiles.standard;
  return {
    ...standard,
    version: 'complaints/test',
    skillByCategory: Object.fromEntries(Object.entries(standard.skillByCategory).map(([c, s]) => [c, `${s}-${suffix}`])),
    defaultSkill: `general-${suffix}`,
    escalation: { ...standard.escalation, levels: standard.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(1) })) },
  };
}

/**
 * The standard rules, so the agents the local stack seeds take the complaints, with escalation
 * levels short enough to watch but long enough to acknowledge at the first one.
 */
export const stackComplaintPolicy: ComplaintPolicy = {
  ...complaintPolicy.profiles.standard,
  version: 'complaints/e2e',
  escalation: {
    ...complaintPolicy.profiles.standard.escalation,
    levels: complaintPolicy.profiles.standard.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(30) })),
  },
};

export async function seedAgents(pool: Pool, skill: string, count: number, capacity = 5): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `agent-${skill}-${i}`);
  for (const id of ids) await upsertAgent(pool, { id, name: id, skills: [skill], capacity });
  return ids;
}

export function complaintCaseInput(
  policy: ComplaintPolicy,
  opts: { description?: string; segment?: Segment; channel?: Channel; customerId?: string; sla?: SlaPolicy } = {},
): ComplaintCaseInput {
  const id = randomUUID().slice(0, 8);
  return {
    caseId: `case-complaint-${randomUUID()}`,
    type: 'complaint',
    channel: opts.channel ?? 'web',
    customer: { id: opts.customerId ?? `cust-${id}`, segment: opts.segment ?? 'standard', language: 'en', advisorId: null },
    subject: 'My blender',
    description: opts.description ?? 'It stopped working after two days.',
    policy,
    sla: opts.sla ?? testSlaPolicy,
    requestedAt: new Date().toISOString(),
  };
}
