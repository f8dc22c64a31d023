import { z } from 'zod';
import { days, hours, seconds } from '../../config/policies/duration';
import { CasePriority } from '../../domain/case';
import type { PolicySpec } from '../../domain/process';
import { Severity } from './vocabulary';
import { Segment } from '../../domain/customer';

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
    /**
     * A complaint about an order that already has an open complaint of the customer, opened within
     * this time, from any channel, joins it as a message instead of opening a second case.
     */
    joinWindowMs: durationMs,
    /** Customers of these segments have their complaints go to their dedicated advisor first. */
    advisorFirst: z.array(Segment),
    escalation: z.object({
      levels: z.array(z.object({ name: z.string().min(1), ackWithinMs: durationMs })).min(1),
      incidentChannel: z.string().min(1),
    }),
  })
  .meta({ id: 'ComplaintPolicy' });
export type ComplaintPolicy = z.infer<typeof ComplaintPolicy>;

const standard: ComplaintPolicy = {
  version: 'complaints/2026-12-02',
  // English stems and the Chinese words customers write; a keyword matches anywhere in the text.
  classification: [
    {
      keywords: ['fire', 'smoke', 'burn', 'injur', 'electric shock', 'explod', '起火', '冒烟', '烧焦', '触电', '漏电', '爆炸', '受伤'],
      category: 'safety',
      severity: 'major_incident',
    },
    {
      keywords: ['charged twice', 'double charge', 'refund', 'invoice', 'overcharg', '重复扣款', '扣了两次', '退款', '发票', '多收'],
      category: 'billing',
      severity: 'major',
    },
    {
      keywords: ['late', 'never arrived', 'courier', 'delivery', 'parcel', '迟到', '没收到', '快递', '配送', '包裹', '物流'],
      category: 'delivery',
      severity: 'normal',
    },
    { keywords: ['rude', 'unfriendly', 'staff', 'agent', '态度差', '不礼貌', '店员', '客服'], category: 'service', severity: 'normal' },
    {
      keywords: ['broken', 'defect', 'stopped working', 'faulty', '坏了', '故障', '不工作', '质量问题', '损坏'],
      category: 'product_quality',
      severity: 'major',
    },
  ],
  fallback: { category: 'general', severity: 'minor' },
  priorityBySeverity: { minor: 'low', normal: 'normal', major: 'high', major_incident: 'urgent' },
  skillByCategory: { safety: 'safety', billing: 'billing', delivery: 'logistics', service: 'service', product_quality: 'product' },
  defaultSkill: 'general',
  repeatWindowMs: days(30),
  joinWindowMs: days(7),
  advisorFirst: ['high_value'],
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
  version: 'complaints/2026-12-02-demo',
  escalation: { ...standard.escalation, levels: standard.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(10) })) },
};

export const complaintPolicy: PolicySpec<ComplaintPolicy> = { schema: ComplaintPolicy, profiles: { standard, demo } };
