import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createScorecardActivities } from '../../../activities/scorecard';
import type { SupplierStepRecord } from '../../../activities/types';
import { getSupplierScorecard, recordSupplierStep } from '../../../db/supplierScorecard';
import { createTestPool } from './caseStoreFixtures';

let pool: Pool;
beforeAll(() => {
  pool = createTestPool();
});
afterAll(() => pool.end());

const HOUR = 3_600_000;
const start = Date.UTC(2026, 10, 1, 8);
const at = (hours: number) => new Date(start + hours * HOUR).toISOString();

/** A supplier of its own per test, so tests sharing the database never see each other's steps. */
function newSupplier() {
  const supplierId = `supplier-${randomUUID().slice(0, 8)}`;
  /** A step requested at hour 0 and due at hour 48, arriving `afterHours` later. */
  const step = (caseNo: number, name: string, afterHours: number): SupplierStepRecord => ({
    supplierId,
    caseId: `${supplierId}-case-${caseNo}`,
    step: name,
    requestedAt: at(0),
    completedAt: at(afterHours),
    dueAt: at(48),
  });
  return { supplierId, step };
}

describe('supplier scorecard', () => {
  it('is all zeros for a supplier without history', async () => {
    expect(await getSupplierScorecard(pool, 'nobody-ever')).toEqual({
      supplierId: 'nobody-ever',
      steps: { onTime: 0, late: 0 },
      turnaroundMsByStep: {},
      repairs: { diagnosed: 0, unrepairable: 0, unrepairableRate: 0 },
      ratings: { negative: 0 },
    });
  });

  it('counts a step on time up to its due time and late after it', async () => {
    const { supplierId, step } = newSupplier();
    await recordSupplierStep(pool, step(1, 'received', 2));
    await recordSupplierStep(pool, step(2, 'received', 48));
    await recordSupplierStep(pool, step(3, 'received', 49));

    expect((await getSupplierScorecard(pool, supplierId)).steps).toEqual({ onTime: 2, late: 1 });
  });

  it('records a step of a case once, however often the activity retries it', async () => {
    const { supplierId, step } = newSupplier();
    const scorecard = createScorecardActivities(pool);
    await scorecard.recordSupplierStep(step(1, 'diagnosed', 10));
    await scorecard.recordSupplierStep(step(1, 'diagnosed', 60));

    const card = await getSupplierScorecard(pool, supplierId);
    expect(card.steps).toEqual({ onTime: 1, late: 0 });
    expect(card.turnaroundMsByStep).toEqual({ diagnosed: 10 * HOUR });
  });

  it('averages the turnaround of each step over its cases', async () => {
    const { supplierId, step } = newSupplier();
    await recordSupplierStep(pool, step(1, 'received', 4));
    await recordSupplierStep(pool, step(2, 'received', 8));
    await recordSupplierStep(pool, step(1, 'diagnosed', 30));

    expect((await getSupplierScorecard(pool, supplierId)).turnaroundMsByStep).toEqual({
      received: 6 * HOUR,
      diagnosed: 30 * HOUR,
    });
  });

  it('rates unrepairable cases against every case the supplier assessed, in the workshop or on a visit', async () => {
    const { supplierId, step } = newSupplier();
    await recordSupplierStep(pool, step(1, 'diagnosed', 5));
    await recordSupplierStep(pool, step(1, 'repaired', 20));
    await recordSupplierStep(pool, step(2, 'diagnosed', 5));
    await recordSupplierStep(pool, step(2, 'unrepairable', 6));
    await recordSupplierStep(pool, step(3, 'visit_completed', 30));
    // Declared unrepairable without a recorded diagnosis: it was still assessed.
    await recordSupplierStep(pool, step(4, 'unrepairable', 7));

    expect((await getSupplierScorecard(pool, supplierId)).repairs).toEqual({
      diagnosed: 4,
      unrepairable: 2,
      unrepairableRate: 0.5,
    });
  });

  it("leaves other suppliers' steps out", async () => {
    const mine = newSupplier();
    const theirs = newSupplier();
    await recordSupplierStep(pool, mine.step(1, 'diagnosed', 1));
    await recordSupplierStep(pool, theirs.step(1, 'diagnosed', 100));
    await recordSupplierStep(pool, theirs.step(1, 'unrepairable', 100));

    expect(await getSupplierScorecard(pool, mine.supplierId)).toEqual({
      supplierId: mine.supplierId,
      steps: { onTime: 1, late: 0 },
      turnaroundMsByStep: { diagnosed: HOUR },
      repairs: { diagnosed: 1, unrepairable: 0, unrepairableRate: 0 },
      ratings: { negative: 0 },
    });
  });
});
