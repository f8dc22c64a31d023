import { z } from 'zod';
import { sharedDetails } from '../../domain/caseDetails';
import { ProductCategory } from '../repairs/vocabulary';

/** What an installation's record shows as it goes (CaseRecord.details). */
export const InstallationDetails = z.object({
  channel: sharedDetails.channel,
  product: z
    .object({ sku: z.string(), category: ProductCategory })
    .meta({ id: 'InstallationItem', description: 'The delivered product installed and inspected, as the order system knows it' }),
  installerId: z.string().meta({ description: 'The installer the policy gives its category; only it may report on the case' }),
  jobId: z.string().meta({ description: "The installer's job for the visit" }),
  visit: sharedDetails.visit,
  defect: z.string().meta({ description: 'What the technician found at unboxing, in their words' }),
  convertedTo: sharedDetails.convertedTo,
});
