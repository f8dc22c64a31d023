import { z } from 'zod';
import { sharedDetails } from '../../domain/caseDetails';
import { SuggestionQueue } from './vocabulary';

/** What a suggestion's record shows as it goes (CaseRecord.details): what intake writes, then its routing. */
export const SuggestionDetails = z.object({
  suggestion: z.string().meta({ description: 'The suggestion, in the customer’s words' }),
  channel: sharedDetails.channel,
  topic: sharedDetails.topic,
  answerQueue: SuggestionQueue.meta({ description: 'The team whose queue answers it' }),
});
