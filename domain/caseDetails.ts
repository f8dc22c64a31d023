import { z } from 'zod';
import { Channel, Sku } from './case';
import { FeedbackDetails } from './feedback';

/**
 * The non-personal facts a case record shows (CaseRecord.details), as far as more than one
 * process shows them. Each process describes its own in its definition (`details`), and the
 * registry publishes them merged by name, so a name shared by two processes must be described
 * once, here, to mean one thing whatever the case type.
 */

const TrackingNumber = z.string().min(1).max(64);

/** Another case, by id and type: what a case was opened from, or what it became. */
export const LinkedCase = z
  .object({
    caseId: z.string().meta({ description: 'The linked case: GET /v1/cases/{caseId}' }),
    type: z.string().meta({ description: 'Its case type' }),
  })
  .meta({ id: 'LinkedCase' });
export type LinkedCase = z.infer<typeof LinkedCase>;

export const sharedDetails = {
  channel: Channel.meta({ description: 'The sales channel the case was opened from' }),
  refundId: z.string().meta({ description: "The payment provider's id of the refund paid to the customer" }),
  shipment: z
    .object({
      sku: Sku,
      trackingNumber: TrackingNumber.meta({ description: "The carrier's tracking number of the parcel to the customer" }),
    })
    .meta({ id: 'ReplacementShipment', description: 'A replacement sent to the customer from stock' }),
  visit: z
    .object({ slotId: z.string(), start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })
    .meta({ description: "A technician's booked visit at the customer's home (an on-site repair, an installation)" }),
  topic: z.string().meta({ description: "What the customer's words are about, by the rules of the case's policy" }),
  convertedTo: LinkedCase.meta({ description: 'The case this one became (an inquiry turned into a return, say); it closed as converted' }),
} as const;

/**
 * The escalation a case started, as the escalation workflow keeps it on the case (any process may
 * escalate): open until someone acknowledges it or its last level runs out.
 */
export const EscalationDetails = z
  .object({
    id: z.string().meta({ description: 'The escalation workflow id; acknowledge-escalation acts on it' }),
    level: z.string().meta({ description: 'The level it has reached: team_lead, supervisor or management' }),
    dueAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'When the current level must have acknowledged it; absent once it is no longer open' }),
    open: z.boolean().meta({ description: 'True while it waits for an acknowledgement' }),
  })
  .meta({ id: 'EscalationDetails', description: "The case's latest escalation: raised level by level until someone acknowledges it" });

/** What every process's record may show, whichever process it is. */
export const commonDetails = z.object({
  escalation: EscalationDetails,
  feedback: FeedbackDetails,
  convertedFrom: LinkedCase.extend({
    question: z.string().optional().meta({ description: "What the customer asked there, in their words: the context this case starts from" }),
  }).meta({ description: 'The case this one was opened from (POST /v1/cases/{id}/conversions), which closed as converted' }),
});
