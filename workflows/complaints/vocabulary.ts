import { z } from 'zod';

export const ComplaintOutcome = z.enum(['resolved', 'resolved_unconfirmed', 'failed']).meta({ id: 'ComplaintOutcome' });
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>;

export const Severity = z.enum(['minor', 'normal', 'major', 'major_incident']).meta({ id: 'Severity' });
export type Severity = z.infer<typeof Severity>;
