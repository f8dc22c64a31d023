import { Ledger } from '../../sim/ledger';
import { Warehouse } from '../../sim/warehouse';

/** Stock arithmetic of the simulated warehouse: what the exchange tests' stock movements rest on. */
describe('simulated warehouse', () => {
  const setup = () => {
    const ledger = new Ledger();
    return { ledger, warehouse: new Warehouse(ledger, 10) };
  };

  it('takes reserved units out of available stock and gives released ones back, once', () => {
    const { warehouse } = setup();
    const reservation = warehouse.reserve('c-1', 'LAMP', 3);
    if (reservation === 'out_of_stock') throw new Error('expected a reservation');
    expect(warehouse.describe('LAMP').stock).toBe(7);

    expect(warehouse.release('c-1', reservation.reservationId)).toBe('released');
    expect(warehouse.release('c-1', reservation.reservationId)).toBe('released');
    expect(warehouse.describe('LAMP').stock).toBe(10);
  });

  it('refuses more units than it holds, and holds none of an OOS- SKU unless seeded', () => {
    const { warehouse } = setup();
    expect(warehouse.reserve('c-1', 'LAMP', 11)).toBe('out_of_stock');
    expect(warehouse.reserve('c-1', 'OOS-LAMP', 1)).toBe('out_of_stock');
    warehouse.seed({ sku: 'OOS-LAMP', stock: 1 });
    expect(warehouse.reserve('c-1', 'OOS-LAMP', 1)).not.toBe('out_of_stock');
  });

  it('does not release a shipped reservation until its shipment is cancelled', () => {
    const { warehouse, ledger } = setup();
    const reservation = warehouse.reserve('c-1', 'LAMP', 2);
    if (reservation === 'out_of_stock') throw new Error('expected a reservation');
    expect(warehouse.ship('c-1', reservation.reservationId)).toMatchObject({ ok: true });
    expect(warehouse.release('c-1', reservation.reservationId)).toBe('shipped');

    warehouse.unship(reservation.reservationId);
    expect(warehouse.release('c-1', reservation.reservationId)).toBe('released');
    expect(ledger.list('c-1').stockMovements.map((m) => [m.kind, m.available])).toEqual([
      ['reserve', 8],
      ['ship', 8],
      ['release', 10],
    ]);
  });

  it('keeps reservations to the case that made them', () => {
    const { warehouse } = setup();
    const reservation = warehouse.reserve('c-1', 'LAMP', 1);
    if (reservation === 'out_of_stock') throw new Error('expected a reservation');
    expect(warehouse.release('c-2', reservation.reservationId)).toBe('not_found');
    expect(warehouse.ship('c-2', reservation.reservationId)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('prices a SKU the same way every time unless a price is seeded', () => {
    const price = setup().warehouse.describe('LAMP').unitPrice;
    expect(setup().warehouse.describe('LAMP').unitPrice).toBe(price);
    const { warehouse } = setup();
    warehouse.seed({ sku: 'LAMP', unitPrice: 1_234 });
    expect(warehouse.describe('LAMP').unitPrice).toBe(1_234);
  });
});
