import { z } from 'zod';
import { CasePriority } from '../../domain/case';
import { sharedDetails } from '../../domain/caseDetails';
import { Severity } from './vocabulary';

/**
 * What a complaint's record shows as it goes (CaseRecord.details): what intake writes, then the
 * classification and what happens to it.
 */
export const ComplaintDetails = z.object({
  subject: z.string().meta({ description: 'The complaint in a line, as the customer put it' }),
  description: z.string().meta({ description: 'What happened, in the customer’s words' }),
  channel: sharedDetails.channel,
  category: z.string().meta({ description: 'The category the classification rules gave it' }),
  severity: Severity.meta({ description: 'How serious the classification judged it' }),
  priority: CasePriority.meta({ description: 'The priority its severity gives it' }),
  skill: z.string().meta({ description: 'The agent skill its category needs' }),
  repeat: z.boolean().meta({ description: "Whether it came within the repeat window of the customer's last closed complaint" }),
  repeatOf: z.string().nullable().meta({ description: 'That earlier complaint, if any' }),
  reopened: z.number().int().nonnegative().meta({ description: 'How often the customer reopened a proposed solution' }),
});
