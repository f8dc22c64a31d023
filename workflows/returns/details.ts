import { z } from 'zod';
import { PartnerBrand } from '../../domain/brands';
import { sharedDetails } from '../../domain/caseDetails';
import { InspectionResult } from '../../domain/partners';
import { CaseItem } from './intake';

/**
 * What a return's record shows as it goes (CaseRecord.details): what intake writes, then what the
 * workflow adds at each step. A carrier reads its label here.
 */
export const ReturnDetails = z.object({
  reason: z.string().meta({ description: 'Why the customer returns the items, in their words' }),
  items: z
    .array(CaseItem.extend({ brand: PartnerBrand.optional() }))
    .meta({ description: 'The items coming back, their declared condition, their brand (from the order system) and, for an exchange, what to send instead' }),
  channel: sharedDetails.channel,
  returnLabel: z
    .object({
      carrier: z.string().meta({ description: 'The carrier id: the :carrier of the carrier webhook' }),
      trackingNumber: z.string().meta({ description: 'The tracking number every carrier event for the parcel must carry' }),
      warehouseId: z
        .string()
        .optional()
        .meta({ description: 'The warehouse the parcel goes to: the :warehouseId of the one warehouse webhook that may report its inspection (absent on labels issued before labels named it)' }),
    })
    .meta({ description: 'The return label issued once the return is approved' }),
  inspection: InspectionResult.meta({ description: "The warehouse's verdict on the returned items" }),
  refundId: sharedDetails.refundId,
  replacements: z.array(sharedDetails.shipment).meta({ description: 'An exchange: the replacements sent' }),
});
