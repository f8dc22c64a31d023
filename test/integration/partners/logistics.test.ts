import { createInventoryActivities } from '../../../activities/inventory';
import { createLogisticsActivities } from '../../../activities/logistics';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, failureOf, simRecords, startSimulator } from './partnerSupport';

describe('logistics adapter against the simulator', () => {
  let sim: Simulator;
  let logistics: ReturnType<typeof createLogisticsActivities>;
  let inventory: ReturnType<typeof createInventoryActivities>;

  beforeAll(async () => {
    sim = await startSimulator();
    logistics = createLogisticsActivities(adapterConfig(sim));
    inventory = createInventoryActivities(adapterConfig(sim));
  });
  afterAll(() => sim.stop());

  const label = (caseId: string) =>
    logistics.createReturnLabel({
      idempotencyKey: `${caseId}:label`,
      caseId,
      customerId: 'cust-1',
      items: [{ sku: 'JACKET-M', quantity: 1 }],
    });

  it('issues a return label the customer can fetch, and voids it', async () => {
    const issued = await label('log-label');
    expect(issued).toMatchObject({ carrier: 'sim-carrier', trackingNumber: expect.any(String) });
    const printed = await fetch(issued.labelUrl);
    expect(await printed.json()).toMatchObject({ labelId: issued.labelId, caseId: 'log-label' });

    await logistics.voidLabel({ idempotencyKey: 'log-label:void', caseId: 'log-label', labelId: issued.labelId });
    const records = await simRecords(sim, 'log-label');
    expect(records.labels).toEqual([
      expect.objectContaining({ labelId: issued.labelId, items: [{ sku: 'JACKET-M', quantity: 1 }] }),
    ]);
    expect(records.voidedLabels).toEqual([expect.objectContaining({ labelId: issued.labelId })]);
  });

  it('rejects voiding a label of another case', async () => {
    const issued = await label('log-owner');
    const failure = await failureOf(
      logistics.voidLabel({ idempotencyKey: 'log-thief:void', caseId: 'log-thief', labelId: issued.labelId }),
    );
    expect(failure.type).toBe('PartnerRejected');
    expect(failure.details).toEqual([{ status: 404, body: { error: 'unknown_label' } }]);
  });

  it('ships reserved stock as a replacement and cancels the shipment', async () => {
    const caseId = 'log-ship';
    const { reservationId } = await inventory.reserveStock({
      idempotencyKey: `${caseId}:reserve`,
      caseId,
      sku: 'JACKET-L',
      quantity: 1,
    });
    const shipment = await logistics.shipReplacement({
      idempotencyKey: `${caseId}:ship`,
      caseId,
      customerId: 'cust-1',
      reservationId,
      sku: 'JACKET-L',
      quantity: 1,
    });
    expect(shipment).toMatchObject({ carrier: 'sim-carrier', shipmentId: expect.any(String) });

    await logistics.cancelShipment({ idempotencyKey: `${caseId}:cancel`, caseId, shipmentId: shipment.shipmentId });
    const records = await simRecords(sim, caseId);
    expect(records.shipments).toEqual([expect.objectContaining({ shipmentId: shipment.shipmentId, reservationId })]);
    expect(records.cancelledShipments).toEqual([expect.objectContaining({ shipmentId: shipment.shipmentId })]);
    expect(records.stockMovements.map((m) => m.kind)).toEqual(['reserve', 'ship']);
  });

  it('rejects shipping against a reservation the warehouse does not hold', async () => {
    const failure = await failureOf(
      logistics.shipReplacement({
        idempotencyKey: 'log-no-stock:ship',
        caseId: 'log-no-stock',
        customerId: 'cust-1',
        reservationId: 'rsv_missing',
        sku: 'JACKET-L',
        quantity: 1,
      }),
    );
    expect(failure.type).toBe('PartnerRejected');
  });
});
