import { z } from 'zod';
import { sharedDetails } from '../../domain/caseDetails';
import { FirstResponseSource } from './vocabulary';

/** What an inquiry's record shows as it goes (CaseRecord.details): what intake writes, then how it was answered. */
export const InquiryDetails = z.object({
  question: z.string().meta({ description: 'The question, in the customer’s words' }),
  channel: sharedDetails.channel,
  topic: sharedDetails.topic,
  firstResponse: z
    .object({
      source: FirstResponseSource,
      /** From intake to the response leaving us; the first_response clock's target is the policy's. */
      afterMs: z.number().int().nonnegative(),
      articleId: z.string().optional().meta({ description: 'The knowledge-base article sent, when one was' }),
      articleVersion: z.number().int().optional(),
      confidence: z.number().optional().meta({ description: 'The article’s confidence, 0..1 (docs/knowledge.md#confidence)' }),
    })
    .meta({ id: 'InquiryFirstResponse', description: 'The first response: automated from the order system or the knowledge base, or the hand-over to a person' }),
  helped: z.boolean().meta({ description: 'The customer’s word on the automated answer; absent until given (silence counts as helped)' }),
  convertedTo: sharedDetails.convertedTo,
});
