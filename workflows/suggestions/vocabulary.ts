import { z } from 'zod';

export const SuggestionOutcome = z.enum(['answered', 'closed_without_answer', 'failed']).meta({ id: 'SuggestionOutcome' });
export type SuggestionOutcome = z.infer<typeof SuggestionOutcome>;

/** The teams a suggestion can go to: what is sold, or how it is sold and delivered. */
export const SuggestionQueue = z.enum(['product', 'operations']).meta({ id: 'SuggestionQueue' });
export type SuggestionQueue = z.infer<typeof SuggestionQueue>;
