import { z } from 'zod';
import { PartnerBrand } from '../../domain/brands';
import { sharedDetails } from '../../domain/caseDetails';
import { RepairItem } from './vocabulary';

/**
 * What a repair's record shows as it goes (CaseRecord.details): what intake writes, then what the
 * workflow adds at each step. A supplier is given the case it names in `supplierId`.
 */
export const RepairDetails = z.object({
  problem: z.string().meta({ description: 'What is wrong, in the customer’s words' }),
  item: RepairItem.extend({ brand: PartnerBrand.optional() }).meta({ description: 'The product to repair, with its brand (from the order system)' }),
  channel: sharedDetails.channel,
  inWarranty: z.boolean().meta({ description: 'Whether the warranty covered the product when the case was opened' }),
  warrantyEndsAt: z.iso.datetime({ offset: true }).meta({ description: "When the product's warranty ends (purchase date + the category's months)" }),
  supplierId: z.string().meta({ description: 'The repair supplier the order went to: only it may report steps of this case' }),
  repairOrderId: z.string().meta({ description: "The supplier's id of the repair order" }),
  visit: sharedDetails.visit,
  returnTrackingNumber: z.string().meta({ description: 'The tracking number of the parcel the supplier sent back' }),
  replacement: sharedDetails.shipment,
  refundId: sharedDetails.refundId,
});
