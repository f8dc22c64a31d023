import { createInventoryActivities } from '../../../activities/inventory';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, failureOf, simPost, simRecords, startSimulator } from './partnerSupport';

describe('inventory adapter against the simulator', () => {
  let sim: Simulator;
  let inventory: ReturnType<typeof createInventoryActivities>;

  beforeAll(async () => {
    sim = await startSimulator({ defaultStock: 5 });
    inventory = createInventoryActivities(adapterConfig(sim));
  });
  afterAll(() => sim.stop());

  it('reserves stock at the warehouse price and releases it again', async () => {
    await simPost(sim, '/sim/catalog', { sku: 'SHOE-42', unitPrice: 7_900 });
    const reservation = await inventory.reserveStock({
      idempotencyKey: 'inv-reserve:reserve',
      caseId: 'inv-reserve',
      sku: 'SHOE-42',
      quantity: 2,
    });
    expect(reservation.unitPrice).toBe(7_900);

    await inventory.releaseReservation({
      idempotencyKey: 'inv-reserve:release',
      caseId: 'inv-reserve',
      reservationId: reservation.reservationId,
    });
    const records = await simRecords(sim, 'inv-reserve');
    expect(records.releases).toEqual([expect.objectContaining({ reservationId: reservation.reservationId })]);
    expect(records.stockMovements.map((m) => [m.kind, m.quantity, m.available])).toEqual([
      ['reserve', 2, 3],
      ['release', 2, 5],
    ]);
  });

  it('puts returned units back on the shelf', async () => {
    const { movementId } = await inventory.restock({
      idempotencyKey: 'inv-restock:restock',
      caseId: 'inv-restock',
      sku: 'HAT-1',
      quantity: 1,
    });
    const { stockMovements } = await simRecords(sim, 'inv-restock');
    expect(stockMovements).toEqual([
      expect.objectContaining({ movementId, kind: 'restock', sku: 'HAT-1', available: 6 }),
    ]);
  });

  it('rejects for good when the SKU is out of stock', async () => {
    const failure = await failureOf(
      inventory.reserveStock({ idempotencyKey: 'inv-oos:reserve', caseId: 'inv-oos', sku: 'OOS-JACKET', quantity: 1 }),
    );
    expect(failure.type).toBe('PartnerRejected');
    expect(failure.nonRetryable).toBe(true);
    expect(failure.details).toEqual([{ status: 409, body: expect.objectContaining({ error: 'out_of_stock' }) }]);
    expect((await simRecords(sim, 'inv-oos')).reservations).toHaveLength(0);
  });

  it('rejects releasing a reservation the warehouse does not know', async () => {
    const failure = await failureOf(
      inventory.releaseReservation({
        idempotencyKey: 'inv-unknown:release',
        caseId: 'inv-unknown',
        reservationId: 'rsv_nope',
      }),
    );
    expect(failure.type).toBe('PartnerRejected');
    expect(failure.message).toContain('404');
  });
});
