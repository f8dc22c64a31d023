import { randomUUID } from 'node:crypto';
import { repairRequest, returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-supplier-webhooks');
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

/** The standard policy sends phones to acme-repairs. */
const SUPPLIER = 'acme-repairs';
const supplierPath = (supplierId = SUPPLIER) => `/v1/webhooks/suppliers/${supplierId}`;

/** A repair whose order is placed: the supplier may report it received. */
async function repairAtSupplier(): Promise<string> {
  const caseId = await api.openCase(repairRequest());
  expect((await api.post(`/v1/cases/${caseId}/actions/not_fixed`, {})).status).toBe(200);
  return caseId;
}

function supplierEvent(caseId: string, type: string, fields: Record<string, unknown> = {}) {
  return { eventId: randomUUID(), type, caseId, occurredAt: new Date().toISOString(), ...fields };
}

describe('POST /v1/webhooks/suppliers/:supplierId', () => {
  it('applies the steps of the assigned supplier, a quoted diagnosis waiting for the customer', async () => {
    const caseId = await repairAtSupplier();
    const received = await api.webhook(supplierPath(), supplierEvent(caseId, 'received'));
    const diagnosed = await api.webhook(
      supplierPath(),
      supplierEvent(caseId, 'diagnosed', { diagnosis: 'cracked display', quote: { amount: 8_900, currency: 'EUR' } }),
    );

    expect(received).toMatchObject({ status: 200, body: { caseId, status: 'at_supplier' } });
    expect(diagnosed).toMatchObject({ status: 200, body: { caseId, status: 'awaiting_quote_approval' } });
  });

  it('answers 200 to a redelivered event with the first answer, applying it once', async () => {
    const caseId = await repairAtSupplier();
    const event = supplierEvent(caseId, 'received');
    const first = await api.webhook(supplierPath(), event);
    const again = await api.webhook(supplierPath(), event);

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(await api.appliedSteps(caseId)).toBe(1);
  });

  it('answers 409 naming the current status and the steps allowed now for a step the repair is past', async () => {
    const caseId = await repairAtSupplier();
    await api.webhook(supplierPath(), supplierEvent(caseId, 'received'));
    const res = await api.webhook(supplierPath(), supplierEvent(caseId, 'received'));

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: problemType('invalid-transition'),
      caseId,
      currentStatus: 'at_supplier',
      allowedSteps: ['diagnosed'],
    });
    expect(await api.appliedSteps(caseId)).toBe(1);
  });

  it('answers 503 with Retry-After to a step the repair has not reached yet, applying nothing', async () => {
    const caseId = await repairAtSupplier();
    const res = await api.webhook(supplierPath(), supplierEvent(caseId, 'shipped_back', { trackingNumber: 'TRK-1' }));

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body).toMatchObject({ type: problemType('step-early'), caseId, currentStatus: 'repair_ordered' });
    expect(await api.appliedSteps(caseId)).toBe(0);
  });

  it('answers 404 to a supplier the case is not assigned to, and leaves the case as it was', async () => {
    const caseId = await repairAtSupplier();
    const res = await api.webhook(supplierPath('soundfix'), supplierEvent(caseId, 'received'));

    expect(res.status).toBe(404);
    expect(res.body.type).toBe(problemType('unknown-partner'));
    expect(await api.liveStatus(caseId)).toBe('repair_ordered');
  });

  it('answers 404 for a case that is not a repair, and for an unknown case', async () => {
    const returnCaseId = await api.openCase(returnRequest());
    const onReturn = await api.webhook(supplierPath(), supplierEvent(returnCaseId, 'received'));
    const unknown = await api.webhook(supplierPath(), supplierEvent('case_00000000000000000000000000', 'received'));

    expect(onReturn.status).toBe(404);
    expect(onReturn.body.type).toBe(problemType('unknown-partner'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe(problemType('case-not-found'));
  });

  it('answers 401 to a wrong signature and changes nothing', async () => {
    const caseId = await repairAtSupplier();
    const res = await api.webhook(supplierPath(), supplierEvent(caseId, 'received'), { secret: 'not-the-partner-secret' });

    expect(res.status).toBe(401);
    expect(res.body.type).toBe(problemType('invalid-signature'));
    expect(await api.appliedSteps(caseId)).toBe(0);
  });

  it.each([
    ['a shipment without a tracking number', 'shipped_back', {}, 'trackingNumber'],
    ['a visit without its outcome', 'visit_completed', {}, 'outcome'],
    ['a quote in no currency', 'diagnosed', { quote: { amount: 100, currency: 'euro' } }, 'quote.currency'],
    ['a step suppliers do not report', 'teleported', {}, 'type'],
  ])('answers 400 naming the field for %s', async (_name, type, fields, path) => {
    const res = await api.webhook(supplierPath(), supplierEvent('case_00000000000000000000000000', type, fields));

    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'body', path }));
  });
});
