import { z } from 'zod';
import { type PartnerChannel, type PartnerKind, partnerChannels } from '../../domain/partners';
import { enumValues } from '../../domain/enumValues';
import { partnerSteps } from '../../workflows/registry';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../webhooks/signature';
import { CaseId } from './caseId';

export const EventId = z
  .string()
  .min(1)
  .max(128)
  .meta({ description: "The partner's id for this event; a redelivery with the same id changes nothing" });
export const OccurredAt = z.iso.datetime({ offset: true });
export const PartnerId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits and . _ - only');

/** Documents the signature headers; requireSignature checks them before any parsing. */
export const SignatureHeaders = z.object({
  [TIMESTAMP_HEADER]: z.string().meta({ description: 'Unix seconds when the partner signed the request' }),
  [SIGNATURE_HEADER]: z.string().meta({ description: 'v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">' }),
});

/** The partner kinds some registered process takes steps from: each gets a webhook. */
export function partnerKindsInUse(): PartnerKind[] {
  return (Object.keys(partnerChannels) as PartnerKind[]).filter((kind) => partnerSteps(kind).size > 0);
}

/**
 * A partner kind's signed event: the envelope (event id, case, step, time) and what that kind of
 * partner reports. A step the registry marks as requiring a field is refused without it.
 */
export function partnerEvent(kind: PartnerKind) {
  const channel: PartnerChannel = partnerChannels[kind];
  const steps = partnerSteps(kind);
  return z
    .object({ eventId: EventId, type: z.enum(enumValues(steps.keys())), caseId: CaseId, occurredAt: OccurredAt, ...channel.data.shape })
    .superRefine((event, ctx) => {
      const fields: Record<string, unknown> = event;
      for (const field of steps.get(String(event.type))?.requires ?? []) {
        if (fields[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required with ${event.type}` });
      }
    })
    .meta({ id: channel.eventSchemaId });
}

export function partnerParams(kind: PartnerKind) {
  return z.object({ [partnerChannels[kind].param]: PartnerId });
}
