import { z } from 'zod';
import { days, hours, seconds } from '../../config/policies/duration';
import { CasePriority } from '../../domain/case';
import type { PolicySpec } from '../../domain/process';
import { Severity } from './vocabulary';

const durationMs = z.number().int().positive();

/**
 * How complaints are classified, routed and escalated. Classification is by rules over the
 * customer's words, first match wins; severity decides priority and where escalation starts.
 */
export const ComplaintPolicy = z
  .object({
    version: z.string().min(1),
    classification: z.array(
      z.object({ keywords: z.array(z.string().min(2)).min(1), category: z.string().min(1), severity: Severity }),
    ),
    fallback: z.object({ category: z.string().min(1), severity: Severity }),
    priorityBySeverity: z.record(Severity, CasePriority),
    /** The agent skill each category needs. */
    skillByCategory: z.record(z.string(), z.string()),
    defaultSkill: z.string().min(1),
    /** A complaint within this time of the customer's last closed one is a repeat complaint. */
    repeatWindowMs: durationMs,
    escalation: z.object({
      levels: z.array(z.object({ name: z.string().min(1), ackWithinMs: durationMs })).min(1),
      incidentChannel: z.string().min(1),
    }),
  })
  .meta({ id: 'ComplaintPolicy' });
export type ComplaintPolicy = z.infer<typeof ComplaintPolicy>;

const standard: ComplaintPolicy = {
  version: 'complaints/2026-11-22',
  classification: [
    { keywords: ['fire', 'smoke', 'burn', 'injur', 'electric shock', 'explod'], category: 'safety', severity: 'major_incident' },
    { keywords: ['charged twice', 'double charge', 'refund', 'invoice', 'overcharg'], category: 'billing', severity: 'major' },
    { keywords: ['late', 'never arrived', 'courier', 'delivery', 'parcel'], category: 'delivery', severity: 'normal' },
    { keywords: ['rude', 'unfriendly', 'staff', 'agent'], category: 'service', severity: 'normal' },
    { keywords: ['broken', 'defect', 'stopped working', 'faulty'], category: 'product_quality', severity: 'major' },
  ],
  fallback: { category: 'general', severity: 'minor' },
  priorityBySeverity: { minor: 'low', normal: 'normal', major: 'high', major_incident: 'urgent' },
  skillByCategory: { safety: 'safety', billing: 'billing', delivery: 'logistics', service: 'service', product_quality: 'product' },
  defaultSkill: 'general',
  repeatWindowMs: days(30),
  escalation: {
    levels: [
      { name: 'team_lead', ackWithinMs: hours(2) },
      { name: 'supervisor', ackWithinMs: hours(4) },
      { name: 'management', ackWithinMs: hours(8) },
    ],
    incidentChannel: 'incident-room',
  },
};

const demo: ComplaintPolicy = {
  ...standard,
  version: 'complaints/2026-11-22-demo',
  escalation: { ...standard.escalation, levels: standard.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(10) })) },
};

export const complaintPolicy: PolicySpec<ComplaintPolicy> = { schema: ComplaintPolicy, profiles: { standard, demo } };
