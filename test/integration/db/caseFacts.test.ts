import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { recordCaseEvent } from '../../../db/caseRecords';
import { inTransaction } from '../../../db/transaction';
import { closed, writeKpiCase } from '../../support/kpiCases';
import { createTestPool } from './caseStoreFixtures';

/**
 * case_facts, the KPI report's one row per case (migration 0011): kept by triggers as the case
 * store writes, and rebuilt the same from the timelines by the migration for cases recorded
 * before it.
 */

let pool: Pool;
beforeAll(() => {
  pool = createTestPool();
});
afterAll(() => pool.end());

const version = `facts-${Date.now()}`;
const agent = { kind: 'agent', id: 'agent-facts' } as const;
const supervisor = { kind: 'supervisor', id: 'sup-facts' } as const;

async function facts(caseIds: string[], client: Pick<Pool, 'query'> = pool) {
  const { rows } = await client.query('SELECT * FROM case_facts WHERE case_id = ANY($1) ORDER BY case_id', [caseIds]);
  return rows;
}

/** A complaint answered, reopened once and resolved, with a supervisor's follow-up after it closed. */
async function answeredComplaint(): Promise<string> {
  const caseId = await writeKpiCase(pool, version, {
    type: 'complaint',
    channel: 'web',
    segment: 'standard',
    openedAt: '2002-05-06T08:00:00Z',
    steps: [
      { at: 0, type: 'complaint.classified', data: { repeatOf: 'case-before' } },
      { at: 1, type: 'complaint.routed', patch: { assignee: agent.id } },
      { at: 12, type: 'complaint.acknowledged', by: agent },
      { at: 30, type: 'sla.breached', data: { clock: 'solution' } },
      { at: 40, type: 'complaint.reopened', by: { kind: 'customer', id: 'c' } },
      closed(90, 'resolved'),
      { at: 95, type: 'feedback.given', by: { kind: 'customer', id: 'c' }, data: { csat: 1, nps: 2, reasons: ['too_slow'] } },
    ],
  });
  await recordCaseEvent(pool, {
    caseId,
    eventKey: 'follow-up',
    type: 'feedback.followed_up',
    at: '2002-05-07T08:00:00Z',
    actor: supervisor,
    data: { note: 'called the customer' },
    patch: {},
  });
  return caseId;
}

it('keeps what the report needs of a case as its events are recorded, and nothing staff do after the close', async () => {
  const caseId = await answeredComplaint();

  expect(await facts([caseId])).toEqual([
    expect.objectContaining({
      type: 'complaint',
      policy_version: version,
      created_at: '2002-05-06T08:00:00.000Z',
      assignee: agent.id,
      last_staff_actor: agent.id,
      staff_acted: true,
      first_response_at: '2002-05-06T08:12:00.000Z',
      first_response_by: agent.id,
      recontacts: 1,
      repeat_complaint: true,
      sla_clocks: ['first_response', 'solution'],
      sla_breached: ['solution'],
      closed_at: '2002-05-06T09:30:00.000Z',
      outcome: 'resolved',
      csat: 1,
      nps: 2,
      rated_at: '2002-05-06T09:35:00.000Z',
    }),
  ]);
});

it('does not count the request as a staff action, nor handing a case around as a response', async () => {
  const caseId = await writeKpiCase(pool, version, {
    type: 'repair',
    channel: 'store',
    segment: 'standard',
    openedAt: '2002-05-06T08:00:00Z',
    openedBy: agent,
    steps: [{ at: 5, type: 'case.assigned', by: supervisor, patch: { assignee: agent.id } }],
  });

  expect(await facts([caseId])).toEqual([
    expect.objectContaining({ assignee: agent.id, last_staff_actor: supervisor.id, staff_acted: true, first_response_at: null }),
  ]);
});

it('records a rating whose score is no score, and keeps no score for it', async () => {
  const caseId = await writeKpiCase(pool, version, {
    type: 'return',
    channel: 'web',
    segment: 'standard',
    openedAt: '2002-05-06T08:00:00Z',
    steps: [closed(10, 'refunded'), { at: 20, type: 'feedback.given', data: { csat: 'five', nps: 11 } }],
  });

  expect(await facts([caseId])).toEqual([expect.objectContaining({ csat: null, nps: null, rated_at: '2002-05-06T08:20:00.000Z' })]);
});

it('rebuilds the same facts from the timelines as the migration does for cases recorded before it', async () => {
  const ids = [await answeredComplaint(), await answeredComplaint()];
  const kept = await facts(ids);
  const migration = readFileSync(path.resolve(__dirname, '../../../db/migrations/0011_case-facts.sql'), 'utf8');
  const backfill = migration.slice(migration.indexOf('-- Cases recorded before this migration'), migration.indexOf('-- Down Migration'));

  // Rebuilt inside a transaction that is rolled back: other test files share the table.
  const rebuilt = await inTransaction(
    pool,
    async (client) => {
      await client.query('DELETE FROM case_facts');
      await client.query(backfill);
      return facts(ids, client);
    },
    () => false,
  );

  expect(rebuilt).toEqual(kept);
});
