import { z } from 'zod';
import { days, hours, seconds } from '../../config/policies/duration';
import type { PolicySpec } from '../../domain/process';
import { InquiryTopic } from './vocabulary';

const durationMs = z.number().int().positive();
const share = z.number().min(0).max(1);

/**
 * How inquiries are answered (docs/processes/inquiries.md). The first response and a person's
 * resolution are timed by the SLA policy's `first_response` and `solution` clocks; this policy
 * says what may be answered without a person and how long the customer has to say it did not help.
 */
export const InquiryPolicy = z
  .object({
    version: z.string().min(1),
    /** The topic a question is about, by the first rule with a keyword in it. */
    topics: z.array(z.object({ keywords: z.array(z.string().min(2)).min(1), topic: InquiryTopic })),
    fallbackTopic: InquiryTopic,
    /**
     * When the knowledge base answers alone: its best article reaches `minConfidence`, and leads
     * the runner-up by `minLead`, so a question two articles fit equally goes to a person rather
     * than to a guess (docs/processes/inquiries.md#confidence).
     */
    automatedAnswer: z.object({ minConfidence: share, minLead: share }),
    /** The customer says whether an automated answer helped within this time; silence counts as helped. */
    confirmWithinMs: durationMs,
    /** A person's answer is owed long before (the solution clock); after this the case closes without one. */
    closeUnansweredAfterMs: durationMs,
    /** Who hears of a missed resolution target, level by level. */
    escalation: z.object({ levels: z.array(z.object({ name: z.string().min(1), ackWithinMs: durationMs })).min(1) }),
  })
  .meta({ id: 'InquiryPolicy' });
export type InquiryPolicy = z.infer<typeof InquiryPolicy>;

const standard: InquiryPolicy = {
  version: 'inquiries/2026-12-02',
  // Where an order is comes first: "我的退款到哪了" asks where something is, not about the rules.
  topics: [
    {
      keywords: [
        'where is my order', 'where is my parcel', 'order status', 'tracking', 'not arrived', 'not received', 'delivered', 'shipped',
        '到哪', '物流', '快递', '发货', '没收到', '还没到', '订单状态', '什么时候到', '配送',
      ],
      topic: 'order_status',
    },
    {
      keywords: ['return', 'refund', 'warranty', 'exchange', 'policy', 'invoice', '退货', '退款', '保修', '换货', '政策', '发票', '七天'],
      topic: 'policy',
    },
  ],
  fallbackTopic: 'product',
  // Calibrated on the seeded articles and the questions in test/unit/inquiryConfidence.test.ts.
  automatedAnswer: { minConfidence: 0.6, minLead: 0.1 },
  confirmWithinMs: days(1),
  closeUnansweredAfterMs: days(7),
  escalation: {
    levels: [
      { name: 'team_lead', ackWithinMs: hours(1) },
      { name: 'supervisor', ackWithinMs: hours(4) },
    ],
  },
};

const demo: InquiryPolicy = {
  ...standard,
  version: 'inquiries/2026-12-02-demo',
  confirmWithinMs: seconds(20),
  closeUnansweredAfterMs: seconds(120),
  escalation: { levels: standard.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(10) })) },
};

export const inquiryPolicy: PolicySpec<InquiryPolicy> = { schema: InquiryPolicy, profiles: { standard, demo } };
