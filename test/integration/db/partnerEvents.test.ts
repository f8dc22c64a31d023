import type { Pool } from 'pg';
import { openCase } from '../../../db/caseRecords';
import { claimPartnerEvent } from '../../../db/partnerEvents';
import { caseInput, createTestPool } from './caseStoreFixtures';

/**
 * A partner whose acknowledgements are lost delivers one event many times at once (the drill's
 * webhook-redelivery sends it 1,000 times in seconds): every delivery must learn who holds the id.
 */

let pool: Pool;
beforeAll(() => {
  pool = createTestPool();
});
afterAll(() => pool.end());

test('one event delivered many times at once is held once, and every delivery is told so', async () => {
  const input = caseInput();
  await openCase(pool, input);
  const use = {
    partner: { kind: 'warehouse', id: 'wh-claims' },
    eventId: `event-${input.caseId}`,
    eventHash: 'hash-1',
    caseId: input.caseId,
    step: 'inspected',
    occurredAt: new Date().toISOString(),
  } as const;
  for (let round = 0; round < 5; round += 1) {
    const claims = await Promise.all(Array.from({ length: 20 }, () => claimPartnerEvent(pool, { ...use, eventId: `${use.eventId}-${round}` })));
    expect(claims.filter((claim) => claim.first)).toHaveLength(1);
    expect(new Set(claims.map((claim) => `${claim.eventHash} ${claim.caseId} ${claim.step}`))).toEqual(new Set([`hash-1 ${input.caseId} inspected`]));
  }
});
