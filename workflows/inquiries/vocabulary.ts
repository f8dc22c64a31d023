import { z } from 'zod';

/**
 * How an inquiry ends: answered by the knowledge base or the order system and not disputed by
 * the customer; answered by a person; turned into a return, repair or complaint; or closed with
 * no answer once the policy's window for a person's answer has passed.
 */
export const InquiryOutcome = z
  .enum(['answered_automatically', 'answered', 'converted', 'closed_without_answer', 'failed'])
  .meta({ id: 'InquiryOutcome' });
export type InquiryOutcome = z.infer<typeof InquiryOutcome>;

/** What the customer asks about: where their order is, a product, or the service's rules. */
export const InquiryTopic = z.enum(['order_status', 'product', 'policy']).meta({ id: 'InquiryTopic' });
export type InquiryTopic = z.infer<typeof InquiryTopic>;

/** Where the first response came from: the order system, the knowledge base, or a hand-over to a person. */
export const FirstResponseSource = z.enum(['order_system', 'knowledge_base', 'person']).meta({ id: 'InquiryFirstResponseSource' });
export type FirstResponseSource = z.infer<typeof FirstResponseSource>;
