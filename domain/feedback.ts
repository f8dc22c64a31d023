import { z } from 'zod';
import { Text } from './actionPayloads';

/**
 * What the customer says of a case once it is resolved (docs/feedback.md): satisfaction (CSAT,
 * 1–5), how likely they are to recommend the shop (NPS, 0–10), why when they are unhappy, and
 * anything else in their own words. Every process's cases are asked the same questions.
 */

/** Why a customer was unhappy: the list the survey offers, each with what a person reads in both languages. */
export const feedbackReasons = {
  too_slow: { en: 'It took too long', 'zh-CN': '处理太慢' },
  not_resolved: { en: 'My problem was not solved', 'zh-CN': '问题没有解决' },
  unfriendly: { en: 'The staff were unhelpful', 'zh-CN': '服务态度不好' },
  poor_communication: { en: 'Nobody kept me informed', 'zh-CN': '沟通不及时' },
  repair_quality: { en: 'The repair was poor', 'zh-CN': '维修质量差' },
  product_quality: { en: 'The product itself is poor', 'zh-CN': '产品质量差' },
  delivery: { en: 'Pickup or delivery went wrong', 'zh-CN': '取件或配送有问题' },
  money: { en: 'The refund or price was wrong', 'zh-CN': '退款或价格有误' },
  other: { en: 'Something else', 'zh-CN': '其他原因' },
} as const;

export const FeedbackReason = z.enum(Object.keys(feedbackReasons) as [keyof typeof feedbackReasons]).meta({ id: 'FeedbackReason' });
export type FeedbackReason = z.infer<typeof FeedbackReason>;

export const FeedbackAnswer = z
  .object({
    csat: z.number().int().min(1).max(5).meta({ description: 'How satisfied: 1 (not at all) to 5 (very)' }),
    nps: z.number().int().min(0).max(10).meta({ description: 'How likely to recommend us: 0 to 10' }),
    reasons: z
      .array(FeedbackReason)
      .max(Object.keys(feedbackReasons).length)
      .refine((reasons) => new Set(reasons).size === reasons.length, 'each reason once')
      .default([])
      .meta({ description: 'Why, when unhappy: required at or below the policy’s CSAT for reasons (2)' }),
    comment: Text.optional(),
  })
  .meta({ id: 'FeedbackAnswer' });
export type FeedbackAnswer = z.output<typeof FeedbackAnswer>;

const instant = z.iso.datetime({ offset: true });

/** Whom a low rating counts against, when its reasons point at a partner the case had. */
export const FeedbackAttribution = z
  .object({ kind: z.literal('supplier'), id: z.string() })
  .meta({ id: 'FeedbackAttribution', description: 'The partner a low rating counts against (its scorecard)' });
export type FeedbackAttribution = z.infer<typeof FeedbackAttribution>;

/** The survey as the case record shows it (details.feedback), written by the feedback workflow. */
export const FeedbackDetails = z
  .object({
    status: z.enum(['requested', 'answered', 'expired']),
    closesAt: instant.meta({ description: 'Until when the customer may answer' }),
    csat: z.number().int().optional(),
    nps: z.number().int().optional(),
    reasons: z.array(FeedbackReason).optional(),
    attributedTo: FeedbackAttribution.nullable().optional(),
    followUp: z
      .object({ open: z.boolean(), dueAt: instant })
      .nullable()
      .optional()
      .meta({ description: "A low rating's follow-up by a supervisor: open until they record what they did" }),
  })
  .meta({ id: 'FeedbackDetails', description: "The customer's feedback survey, asked when the case resolved" });
export type FeedbackState = z.infer<typeof FeedbackDetails>;
