import type { Pool } from 'pg';
import { abandonCase, openCase, recordCaseEvent } from '../../../db/caseRecords';
import { getCase, getTimeline } from '../../../db/caseQueries';
import { caseEvent, caseInput, createTestPool } from './caseStoreFixtures';

let pool: Pool;
beforeAll(() => {
  pool = createTestPool();
});
afterAll(() => pool.end());

describe('openCase', () => {
  it('creates the case with its first timeline event, naming the request that opened it', async () => {
    const input = caseInput();

    await expect(openCase(pool, input)).resolves.toEqual({ kind: 'created' });

    const record = await getCase(pool, input.caseId);
    expect(record).toMatchObject({
      id: input.caseId,
      status: 'requested',
      customerId: input.customerId,
      orderId: input.orderId,
      details: input.details,
      deadlines: [],
      breached: false,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
      closedAt: null,
    });
    expect(await getTimeline(pool, input.caseId)).toEqual([
      {
        caseId: input.caseId,
        seq: 1,
        at: input.createdAt,
        type: 'case.requested',
        actor: input.actor,
        data: { ...input.details, ...input.audit },
      },
    ]);
  });

  it('replays the same request and refuses a different one under the same key', async () => {
    const input = caseInput();
    await openCase(pool, input);

    await expect(openCase(pool, input)).resolves.toEqual({ kind: 'replayed' });
    await expect(openCase(pool, { ...input, requestHash: 'hash-b' })).resolves.toEqual({
      kind: 'idempotency_mismatch',
    });
    expect(await getTimeline(pool, input.caseId)).toHaveLength(1);
  });

  it('creates exactly once when the same request arrives many times at once', async () => {
    const input = caseInput();

    const results = await Promise.all(Array.from({ length: 20 }, () => openCase(pool, input)));

    expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'replayed')).toHaveLength(19);
    expect(await getTimeline(pool, input.caseId)).toHaveLength(1);
  });

  it('lets only one of several concurrent cases claim an order line, and points the others at it', async () => {
    const orderId = caseInput().orderId;
    // Every case wants SKU-A, some in the company of another line, so exactly one can win.
    const all = Array.from({ length: 6 }, (_, i) =>
      caseInput({
        orderId,
        channel: i % 2 ? 'phone' : 'web',
        lines: i % 2 ? [{ sku: 'SKU-B', quantity: 1 }, { sku: 'SKU-A', quantity: 1 }] : [{ sku: 'SKU-A', quantity: 1 }],
      }),
    );

    const results = await Promise.all(all.map((input) => openCase(pool, input)));

    const winners = all.filter((_, i) => results[i]?.kind === 'created');
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const [i, input] of all.entries()) {
      if (input === winner) continue;
      expect(results[i]).toEqual({ kind: 'line_conflict', caseId: winner.caseId, sku: 'SKU-A' });
      expect(await getCase(pool, input.caseId)).toBeNull();
    }
  });

  it('frees the order lines when the case closes', async () => {
    const first = caseInput();
    await openCase(pool, first);
    const second = caseInput({ orderId: first.orderId, lines: first.lines });
    await expect(openCase(pool, second)).resolves.toMatchObject({ kind: 'line_conflict', caseId: first.caseId });

    const closedAt = new Date().toISOString();
    await recordCaseEvent(pool, caseEvent(first.caseId, { type: 'case.closed', patch: { closedAt } }));

    await expect(openCase(pool, second)).resolves.toEqual({ kind: 'created' });
  });

  it('accepts a case on another line of the same order', async () => {
    const first = caseInput();
    await openCase(pool, first);

    await expect(
      openCase(pool, caseInput({ orderId: first.orderId, lines: [{ sku: 'SKU-OTHER', quantity: 1 }] })),
    ).resolves.toEqual({ kind: 'created' });
  });
});

describe('abandonCase', () => {
  it('removes a case whose workflow never started, so the same request opens it afresh', async () => {
    const input = caseInput();
    await openCase(pool, input);

    await abandonCase(pool, input.caseId);

    expect(await getCase(pool, input.caseId)).toBeNull();
    expect(await getTimeline(pool, input.caseId)).toEqual([]);
    await expect(openCase(pool, input)).resolves.toEqual({ kind: 'created' });
  });

  it('releases the abandoned case’s order lines', async () => {
    const input = caseInput();
    await openCase(pool, input);

    await abandonCase(pool, input.caseId);

    await expect(openCase(pool, caseInput({ orderId: input.orderId, lines: input.lines }))).resolves.toEqual({
      kind: 'created',
    });
  });

  it('keeps a case that has already recorded progress: its workflow did start', async () => {
    const input = caseInput();
    await openCase(pool, input);
    await recordCaseEvent(pool, caseEvent(input.caseId));

    await abandonCase(pool, input.caseId);

    expect(await getCase(pool, input.caseId)).not.toBeNull();
    expect(await getTimeline(pool, input.caseId)).toHaveLength(2);
  });
});
