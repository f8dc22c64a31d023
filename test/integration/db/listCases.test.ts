import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { openCase, recordCaseEvent } from '../../../db/caseRecords';
import { InvalidCursorError, listCases } from '../../../db/caseQueries';
import { CaseListFilter, type OpenCaseInput } from '../../../domain';
import { caseEvent, caseInput, createTestPool } from './caseStoreFixtures';

let pool: Pool;
// One customer owns every case here, so other test files writing to the same database never
// show up in these lists.
const customerId = `cust-${randomUUID()}`;
let cases: OpenCaseInput[];

beforeAll(async () => {
  pool = createTestPool();
  const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 12, minute)).toISOString();
  cases = [
    caseInput({ customerId, createdAt: at(0), type: 'return', channel: 'app' }),
    caseInput({ customerId, createdAt: at(1), type: 'exchange', channel: 'web' }),
    // Three cases opened in the same millisecond: only the id can order them.
    caseInput({ customerId, createdAt: at(2), type: 'return', channel: 'store' }),
    caseInput({ customerId, createdAt: at(2), type: 'return', channel: 'app' }),
    caseInput({ customerId, createdAt: at(2), type: 'exchange', channel: 'app' }),
    caseInput({ customerId, createdAt: at(3), type: 'return', channel: 'phone' }),
    caseInput({ customerId, createdAt: at(4), type: 'return', channel: 'app' }),
  ];
  for (const input of cases) await openCase(pool, input);
  await recordCaseEvent(pool, caseEvent(cases[1]!.caseId, { patch: { status: 'under_review' } }));
  await recordCaseEvent(pool, caseEvent(cases[3]!.caseId, { patch: { status: 'under_review' } }));
  await recordCaseEvent(pool, caseEvent(cases[3]!.caseId, { type: 'sla.review.breached' }));
});
afterAll(() => pool.end());

/** Newest first; ties on createdAt broken by the larger id first. */
function newestFirst(inputs: OpenCaseInput[]): string[] {
  return [...inputs]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (b.caseId < a.caseId ? -1 : b.caseId > a.caseId ? 1 : 0))
    .map((c) => c.caseId);
}

function filter(query: Record<string, string>): CaseListFilter {
  return CaseListFilter.parse({ customerId, ...query });
}

async function allPages(query: Record<string, string>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listCases(pool, filter({ ...query, ...(cursor ? { cursor } : {}) }));
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { ids, pages };
}

describe('listCases', () => {
  it('walks every page newest first, without duplicates or gaps', async () => {
    const walk = await allPages({ limit: '3' });

    expect(walk.ids).toEqual(newestFirst(cases));
    expect(walk.pages).toBe(3);
  });

  it('ends with no cursor when the last page is exactly full', async () => {
    const walk = await allPages({ limit: '7' });

    expect(walk).toEqual({ ids: newestFirst(cases), pages: 1 });
  });

  it.each([
    [{ status: 'under_review' }, (_: OpenCaseInput, i: number) => i === 1 || i === 3],
    [{ type: 'exchange' }, (c: OpenCaseInput) => c.type === 'exchange'],
    [{ channel: 'app' }, (c: OpenCaseInput) => c.channel === 'app'],
    [{ breached: 'true' }, (_: OpenCaseInput, i: number) => i === 3],
    [{ breached: 'false' }, (_: OpenCaseInput, i: number) => i !== 3],
    [{ type: 'return', channel: 'app' }, (c: OpenCaseInput) => c.type === 'return' && c.channel === 'app'],
  ])('filters by %o, across pages', async (query, expected) => {
    const walk = await allPages({ ...query, limit: '2' });

    expect(walk.ids).toEqual(newestFirst(cases.filter(expected)));
  });

  it('returns the case as the API shows it', async () => {
    const page = await listCases(pool, filter({ limit: '1' }));

    const newest = cases[6]!;
    expect(page.items).toEqual([
      {
        id: newest.caseId,
        type: newest.type,
        channel: newest.channel,
        customerId,
        customerSegment: newest.customerSegment,
        orderId: newest.orderId,
        status: 'requested',
        outcome: null,
        resolution: null,
        priority: newest.priority,
        assignee: null,
        policyVersion: newest.policyVersion,
        buildIds: [],
        deadlines: [],
        breached: false,
        details: newest.details,
        createdAt: newest.createdAt,
        updatedAt: newest.createdAt,
        closedAt: null,
        erasedAt: null,
      },
    ]);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['JSON of the wrong shape', Buffer.from(JSON.stringify({ id: 'x' })).toString('base64url')],
    ['a position with no timestamp', Buffer.from(JSON.stringify(['yesterday', 'case-1'])).toString('base64url')],
  ])('refuses a cursor that is %s', async (_, cursor) => {
    await expect(listCases(pool, filter({ cursor }))).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
