import { randomUUID } from 'node:crypto';
import { recordSupplierStep } from '../../db/supplierScorecard';
import { ApiHarness } from './support/apiHarness';

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-scorecard');
});

afterAll(async () => {
  await api.close();
});

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, minutes)).toISOString();

describe('GET /v1/suppliers/:id/scorecard', () => {
  it('answers a supplier without history with a scorecard of zeros', async () => {
    const res = await api.get(`/v1/suppliers/new-${randomUUID().slice(0, 8)}/scorecard`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      steps: { onTime: 0, late: 0 },
      turnaroundMsByStep: {},
      repairs: { diagnosed: 0, unrepairable: 0, unrepairableRate: 0 },
      ratings: { negative: 0 },
    });
  });

  it("shows the supplier's punctuality, turnaround and unrepairable rate", async () => {
    const supplierId = `fixit-${randomUUID().slice(0, 8)}`;
    const step = (caseId: string, name: string, completedMinute: number) =>
      recordSupplierStep(api.deps.pool, {
        supplierId,
        caseId,
        step: name,
        requestedAt: at(0),
        completedAt: at(completedMinute),
        dueAt: at(30),
      });
    await step(`${supplierId}-a`, 'diagnosed', 10);
    await step(`${supplierId}-b`, 'diagnosed', 50);
    await step(`${supplierId}-b`, 'unrepairable', 20);

    const res = await api.get(`/v1/suppliers/${supplierId}/scorecard`);
    expect(res.body).toEqual({
      supplierId,
      steps: { onTime: 2, late: 1 },
      turnaroundMsByStep: { diagnosed: 30 * 60_000, unrepairable: 20 * 60_000 },
      repairs: { diagnosed: 2, unrepairable: 1, unrepairableRate: 0.5 },
      ratings: { negative: 0 },
    });
  });

  it('lets a supplier read its own scorecard and no other', async () => {
    const supplier = api.as({ sub: 'acme-repairs', role: 'supplier' });
    const own = await supplier.get('/v1/suppliers/acme-repairs/scorecard');
    const other = await supplier.get('/v1/suppliers/soundfix/scorecard');

    expect(own.status).toBe(200);
    expect(other.status).toBe(403);
  });

  it('answers 400 for a supplier id that cannot be one', async () => {
    const res = await api.get('/v1/suppliers/%20bad%20id/scorecard');

    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'path', path: 'id' }));
  });
});
