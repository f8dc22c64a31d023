import type { Pool } from 'pg';
import { queueHolds } from '../../../api/auth/queues';
import { getCase, listCases } from '../../../db/caseQueries';
import { openCase, recordCaseEvent } from '../../../db/caseRecords';
import { migrateDatabase } from '../../../db/migrate';
import { createPool } from '../../../db/pool';
import { listWorkItems } from '../../../db/workItems';
import { CaseListFilter, type Deadline, type OpenCaseInput } from '../../../domain';
import type { CasePatch } from '../../../activities/types';
import { createTestDatabase, type TestDatabase } from '../../setup/testDatabase';
import { testEnv } from '../../support/env';
import { caseEvent, caseInput } from './caseStoreFixtures';

/** A database of its own: work queues list every case, so only this file's may be in it. */
let database: TestDatabase;
let pool: Pool;
const ids: Record<string, string> = {};

/** One reference time, so two steps due "in 5 minutes" are due at the very same instant. */
const now = Date.now();
const inMinutes = (n: number) => new Date(now + n * 60_000).toISOString();
const due = (name: string, minutes: number): Deadline => ({ name, dueAt: inMinutes(minutes) });

async function seed(name: string, input: Partial<OpenCaseInput>, patch: CasePatch): Promise<void> {
  const opened = caseInput({ lines: [], ...input });
  await openCase(pool, opened);
  await recordCaseEvent(pool, caseEvent(opened.caseId, { patch }));
  ids[name] = opened.caseId;
}

beforeAll(async () => {
  database = await createTestDatabase({ serverUrl: testEnv().databaseUrl, scratchDir: '', onProgress: () => undefined });
  await migrateDatabase(database.databaseUrl);
  pool = createPool(database.databaseUrl, 3);
  const complaint = { type: 'complaint' as const, orderId: null };
  await seed('review', {}, { status: 'under_review', deadlines: [due('review', 5)] });
  await seed('acknowledge', complaint, {
    status: 'routed',
    assignee: 'ana',
    deadlines: [due('solution', 240), due('first_response', 10)],
  });
  await seed('answer', complaint, { status: 'acknowledged', assignee: 'ben', priority: 'high', deadlines: [due('solution', 5)] });
  await seed('storeQuote', { type: 'repair', channel: 'store' }, { status: 'awaiting_quote_approval' });
  await seed('appQuote', { type: 'repair', channel: 'app' }, { status: 'awaiting_quote_approval' });
  await seed('waitingOnCustomer', complaint, { status: 'awaiting_customer', assignee: 'ana' });
  // An escalation outlives its case: a breach still needs someone to answer for it.
  await seed('escalated', complaint, {
    status: 'closed',
    closedAt: new Date().toISOString(),
    details: { escalation: { id: 'esc-1', level: 'team_lead', dueAt: inMinutes(1), open: true } },
  });
  await seed('escalationAnswered', {}, { status: 'label_issued', details: { escalation: { id: 'esc-2', open: false } } });
});

afterAll(async () => {
  await pool?.end();
  await database?.dispose();
});

const listed = async (filter: Partial<Parameters<typeof listWorkItems>[1]> = {}) =>
  (await listWorkItems(pool, { limit: 50, ...filter })).map((item) => [item.caseId, item.kind]);

describe('listWorkItems', () => {
  it('lists every step waiting on a person, earliest due first, higher priority first on a tie, undated last', async () => {
    expect(await listed()).toEqual([
      [ids.escalated, 'acknowledge_escalation'],
      [ids.answer, 'answer_complaint'],
      [ids.review, 'review_return'],
      [ids.acknowledge, 'acknowledge_complaint'],
      [ids.storeQuote, 'approve_quote'],
    ]);
  });

  it('says where each step waits, for whom, and when it is due', async () => {
    const items = await listWorkItems(pool, { limit: 50 });
    const byCase = Object.fromEntries(items.map((item) => [item.caseId, item]));

    const acknowledge = (await getCase(pool, ids.acknowledge!))!;
    expect(byCase[ids.acknowledge!]).toEqual({
      caseId: ids.acknowledge,
      kind: 'acknowledge_complaint',
      queue: 'complaints',
      assignee: 'ana',
      dueAt: acknowledge.deadlines.find((d) => d.name === 'first_response')!.dueAt,
      openedAt: acknowledge.createdAt,
      priority: 'normal',
      status: 'routed',
      type: 'complaint',
    });
    expect(byCase[ids.escalated!]).toMatchObject({ queue: 'escalations', assignee: null, status: 'closed' });
    expect(byCase[ids.storeQuote!]).toMatchObject({ queue: 'store', dueAt: null });
  });

  it('filters by queue and assignee, and stops at the limit', async () => {
    expect(await listed({ queue: 'complaints' })).toEqual([
      [ids.answer, 'answer_complaint'],
      [ids.acknowledge, 'acknowledge_complaint'],
    ]);
    expect(await listed({ assignee: 'ana' })).toEqual([[ids.acknowledge, 'acknowledge_complaint']]);
    expect(await listed({ limit: 2 })).toHaveLength(2);
  });

  it("shows an agent their own steps and the unassigned ones of their queues (every queue without any)", async () => {
    expect(await listed({ agent: { id: 'ana', queues: ['returns'] } })).toEqual([
      [ids.review, 'review_return'],
      [ids.acknowledge, 'acknowledge_complaint'],
    ]);
    expect(await listed({ agent: { id: 'ben' } })).toEqual([
      [ids.escalated, 'acknowledge_escalation'],
      [ids.answer, 'answer_complaint'],
      [ids.review, 'review_return'],
      [ids.storeQuote, 'approve_quote'],
    ]);
  });
});

describe("an agent's queues", () => {
  it.each([[['returns']], [['store']], [['escalations']], [['complaints', 'repairs']], [['vip']]])(
    'narrow the case list %j to exactly the cases the agent reaches one by one',
    async (queues) => {
      const agent = { sub: 'ana', role: 'agent' as const, queues };
      const page = await listCases(pool, { ...CaseListFilter.parse({ limit: '200' }), queueScope: { agentId: 'ana', queues } });
      const records = await Promise.all(Object.values(ids).map(async (id) => (await getCase(pool, id))!));

      expect(page.items.map((c) => c.id).sort()).toEqual(records.filter((r) => queueHolds(agent, r)).map((r) => r.id).sort());
    },
  );
});
