import { z } from 'zod';
import { days, hours, seconds } from '../../config/policies/duration';
import type { PolicySpec } from '../../domain/process';
import { SuggestionQueue } from './vocabulary';

const durationMs = z.number().int().positive();
const Route = z.object({ topic: z.string().min(1), queue: SuggestionQueue });

/**
 * How suggestions are routed and how soon they are owed a reply. Routing is by rules over the
 * customer's words, first match wins; the acknowledgement and the answer are timed from intake.
 */
export const SuggestionPolicy = z
  .object({
    version: z.string().min(1),
    routing: z.array(Route.extend({ keywords: z.array(z.string().min(2)).min(1) })),
    fallback: Route,
    /** The customer hears that their suggestion arrived within this time. */
    acknowledgeWithinMs: durationMs,
    /** Staff answer within this time; after it the case closes without an answer, a breach supervisors see. */
    answerWithinMs: durationMs,
  })
  .meta({ id: 'SuggestionPolicy' });
export type SuggestionPolicy = z.infer<typeof SuggestionPolicy>;

const standard: SuggestionPolicy = {
  version: 'suggestions/2026-12-02',
  // English stems and the Chinese words customers write; a keyword matches anywhere in the text.
  // How goods reach the customer and how they are served come first: "希望快递更快" is about delivery.
  routing: [
    {
      keywords: ['delivery', 'deliver', 'courier', 'parcel', 'packaging', 'shipping', '快递', '配送', '送货', '物流', '包装', '发货'],
      topic: 'delivery',
      queue: 'operations',
    },
    {
      keywords: ['store', 'shop', 'staff', 'opening hours', 'hotline', 'queue', '门店', '店员', '营业时间', '客服', '排队', '热线'],
      topic: 'service',
      queue: 'operations',
    },
    {
      keywords: ['feature', 'colour', 'color', 'size', 'design', 'battery', 'function', '功能', '颜色', '尺寸', '设计', '款式', '电池'],
      topic: 'product',
      queue: 'product',
    },
  ],
  fallback: { topic: 'general', queue: 'product' },
  acknowledgeWithinMs: hours(24),
  answerWithinMs: days(5),
};

const demo: SuggestionPolicy = {
  ...standard,
  version: 'suggestions/2026-12-02-demo',
  acknowledgeWithinMs: seconds(10),
  answerWithinMs: seconds(90),
};

export const suggestionPolicy: PolicySpec<SuggestionPolicy> = { schema: SuggestionPolicy, profiles: { standard, demo } };
