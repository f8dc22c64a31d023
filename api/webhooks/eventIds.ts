import type { Pool } from 'pg';
import { claimPartnerEvent, type PartnerEventClaim, type PartnerEventUse } from '../../db/partnerEvents';
import { HttpProblem } from '../problem';
import { requestHash } from '../requestHash';

/**
 * Holds the partner's event id to this event: the first event sent under it, taken or refused,
 * is what it means from then on. The same event again goes on (a redelivery, answered as before);
 * another event under it is 409 naming the first, and reaches no case.
 */
export async function holdEventId(pool: Pool, use: Omit<PartnerEventUse, 'eventHash'>, event: unknown): Promise<PartnerEventClaim> {
  const eventHash = requestHash(event);
  const claim = await claimPartnerEvent(pool, { ...use, eventHash });
  if (claim.eventHash === eventHash) return claim;
  const { caseId, step, occurredAt, receivedAt } = claim;
  throw new HttpProblem(
    'event-id-reuse',
    `event id ${use.eventId} was first used at ${receivedAt} for "${step}" of case ${caseId}; give every event an id of its own`,
    { eventId: use.eventId, firstUse: { caseId, type: step, occurredAt, receivedAt } },
  );
}
