import type { Pool } from 'pg';
import { createCaseStoreActivities } from '../../../activities/caseStore';
import { openCase, recordCaseEvent } from '../../../db/caseRecords';
import { getCase, getTimeline } from '../../../db/caseQueries';
import { caseEvent, caseInput, createTestPool } from './caseStoreFixtures';

let pool: Pool;
beforeAll(() => {
  pool = createTestPool();
});
afterAll(() => pool.end());

async function openedCase(): Promise<string> {
  const input = caseInput({ details: { reason: 'too_small', items: 1 } });
  await openCase(pool, input);
  return input.caseId;
}

describe('recordCaseEvent', () => {
  it('numbers events after the opening one and keeps the timeline in that order', async () => {
    const caseId = await openedCase();

    const seqs = [];
    for (const type of ['case.approved', 'case.label_issued', 'case.in_transit']) {
      seqs.push((await recordCaseEvent(pool, caseEvent(caseId, { type }))).seq);
    }

    expect(seqs).toEqual([2, 3, 4]);
    const timeline = await getTimeline(pool, caseId);
    expect(timeline.map((e) => [e.seq, e.type])).toEqual([
      [1, 'case.requested'],
      [2, 'case.approved'],
      [3, 'case.label_issued'],
      [4, 'case.in_transit'],
    ]);
  });

  it('records an event key once, however often the activity retries', async () => {
    const caseId = await openedCase();
    const event = caseEvent(caseId, { patch: { status: 'under_review' } });

    const first = await recordCaseEvent(pool, event);
    const again = await recordCaseEvent(pool, { ...event, patch: { status: 'approved' } });

    expect(first).toEqual({ seq: 2, duplicate: false });
    expect(again).toEqual({ seq: 2, duplicate: true });
    expect(await getTimeline(pool, caseId)).toHaveLength(2);
    expect((await getCase(pool, caseId))?.status).toBe('under_review');
  });

  it('keeps the builds that ran the case in the order they ran it, through the case store of each worker (docs/versioning.md)', async () => {
    const caseId = await openedCase();
    const [onA, onB, unversioned] = [createCaseStoreActivities(pool, 'A'), createCaseStoreActivities(pool, 'B'), createCaseStoreActivities(pool)];

    // A, a second step on A, moved to B, back to A by a rollback; an unversioned worker adds nothing; a repeat of B's event adds nothing.
    await onA.recordCaseEvent(caseEvent(caseId, { eventKey: '1' }));
    await onA.recordCaseEvent(caseEvent(caseId, { eventKey: '2' }));
    await onB.recordCaseEvent(caseEvent(caseId, { eventKey: '3' }));
    await onA.recordCaseEvent(caseEvent(caseId, { eventKey: '4' }));
    await unversioned.recordCaseEvent(caseEvent(caseId, { eventKey: '5' }));
    await onB.recordCaseEvent(caseEvent(caseId, { eventKey: '3' }));

    expect((await getCase(pool, caseId))?.buildIds).toEqual(['A', 'B', 'A']);
    const facts = await pool.query('SELECT build_id FROM case_facts WHERE case_id = $1', [caseId]);
    expect(facts.rows).toEqual([{ build_id: 'A' }]);
  });

  it('gives concurrent events on one case distinct consecutive seqs', async () => {
    const caseId = await openedCase();

    const results = await Promise.all(Array.from({ length: 10 }, () => recordCaseEvent(pool, caseEvent(caseId))));

    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('records an event once when two attempts of the same write race, and applies its patch once', async () => {
    const caseId = await openedCase();
    const event = caseEvent(caseId, { patch: { details: { attempts: 1 } } });

    const results = await Promise.all(Array.from({ length: 6 }, () => recordCaseEvent(pool, event)));

    expect(results.filter((r) => !r.duplicate)).toEqual([{ seq: 2, duplicate: false }]);
    expect(results.every((r) => r.seq === 2)).toBe(true);
    expect(await getTimeline(pool, caseId)).toHaveLength(2);
    // The losers bumped nothing: the next event follows on.
    expect(await recordCaseEvent(pool, caseEvent(caseId))).toEqual({ seq: 3, duplicate: false });
  });

  it('applies only the fields a patch carries, merging details and replacing deadlines', async () => {
    const caseId = await openedCase();
    const reviewBy = { name: 'review', dueAt: '2030-01-01T00:00:00.000Z' };
    const shipBy = { name: 'ship', dueAt: '2030-01-08T00:00:00.000Z' };
    await recordCaseEvent(
      pool,
      caseEvent(caseId, {
        patch: { status: 'under_review', assignee: 'agent-7', deadlines: [reviewBy], details: { items: 2 } },
      }),
    );
    const at = '2030-01-02T00:00:00.000Z';

    await recordCaseEvent(
      pool,
      caseEvent(caseId, {
        at,
        patch: { outcome: 'approved', resolution: 'human', deadlines: [shipBy], details: { labelId: 'L1' } },
      }),
    );

    expect(await getCase(pool, caseId)).toMatchObject({
      status: 'under_review',
      assignee: 'agent-7',
      outcome: 'approved',
      resolution: 'human',
      deadlines: [shipBy],
      details: { reason: 'too_small', items: 2, labelId: 'L1' },
      updatedAt: at,
    });
  });

  it('clears the assignee on an explicit null', async () => {
    const caseId = await openedCase();
    await recordCaseEvent(pool, caseEvent(caseId, { patch: { assignee: 'agent-7' } }));

    await recordCaseEvent(pool, caseEvent(caseId, { patch: { assignee: null } }));

    expect((await getCase(pool, caseId))?.assignee).toBeNull();
  });

  it('marks the case breached on a breach event, for good', async () => {
    const caseId = await openedCase();

    await recordCaseEvent(pool, caseEvent(caseId, { type: 'sla.review.breached' }));
    await recordCaseEvent(pool, caseEvent(caseId, { type: 'case.approved' }));

    expect((await getCase(pool, caseId))?.breached).toBe(true);
  });

  it('sets closedAt when the case closes', async () => {
    const caseId = await openedCase();
    const closedAt = new Date().toISOString();

    await recordCaseEvent(pool, caseEvent(caseId, { type: 'case.closed', patch: { status: 'closed', closedAt } }));

    expect(await getCase(pool, caseId)).toMatchObject({ status: 'closed', closedAt });
  });

  it('fails for a case the store does not know, so the activity retries instead of losing the event', async () => {
    await expect(recordCaseEvent(pool, caseEvent('case-that-was-never-opened'))).rejects.toThrow(
      /not in the case store/,
    );
  });

  it('is what the case-store activity does', async () => {
    const caseId = await openedCase();

    await expect(createCaseStoreActivities(pool).recordCaseEvent(caseEvent(caseId))).resolves.toEqual({
      seq: 2,
      duplicate: false,
    });
  });
});

describe('the timeline', () => {
  it('refuses to be rewritten or deleted', async () => {
    const caseId = await openedCase();

    const forge = pool.query(`UPDATE case_events SET type = 'case.forged' WHERE case_id = $1`, [caseId]);
    await expect(forge).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM case_events WHERE case_id = $1', [caseId])).rejects.toThrow(/append-only/);
    expect(await getTimeline(pool, caseId)).toHaveLength(1);
  });
});
