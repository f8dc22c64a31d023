import { randomUUID } from 'node:crypto';
import { returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-webhooks');
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

/** A case whose return label is issued, so the carrier may report the pickup. */
async function caseAwaitingPickup(): Promise<string> {
  const caseId = await api.openCase(returnRequest());
  expect((await api.post(`/v1/cases/${caseId}/actions/approve`, { agentId: 'agent-1' })).status).toBe(200);
  return caseId;
}

function carrierEvent(caseId: string, type = 'picked_up') {
  return {
    eventId: randomUUID(),
    type,
    caseId,
    trackingNumber: `track-${caseId}`,
    occurredAt: new Date().toISOString(),
  };
}

describe('POST /v1/webhooks/carriers/:carrier', () => {
  it('applies a correctly signed step', async () => {
    const caseId = await caseAwaitingPickup();
    const res = await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ caseId, status: 'in_transit' });
  });

  it('answers 200 to a redelivered event without applying it twice', async () => {
    const caseId = await caseAwaitingPickup();
    const event = carrierEvent(caseId);
    const first = await api.webhook('/v1/webhooks/carriers/dhl', event);
    const again = await api.webhook('/v1/webhooks/carriers/dhl', event);

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(await api.appliedSteps(caseId)).toBe(1);
  });

  it.each([
    ['a wrong secret', { secret: 'not-the-partner-secret' }],
    ['a stale timestamp', { signedAt: Math.floor(Date.now() / 1000) - 3600 }],
  ])('answers 401 to %s and leaves the case as it was', async (_name, signing) => {
    const caseId = await caseAwaitingPickup();
    const res = await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId), signing);

    expect(res.status).toBe(401);
    expect(res.body.type).toBe(problemType('invalid-signature'));
    expect(await api.liveStatus(caseId)).toBe('label_issued');
    expect(await api.appliedSteps(caseId)).toBe(0);
  });

  it('answers 401 to an unsigned request, even when its body is not JSON', async () => {
    const res = await api.request('POST', '/v1/webhooks/carriers/dhl', {
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });

    expect(res.status).toBe(401);
  });

  it('answers 409 with the allowed steps for a step out of order', async () => {
    const caseId = await caseAwaitingPickup();
    const res = await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'delivered'));

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: problemType('invalid-transition'),
      currentStatus: 'label_issued',
      allowedSteps: ['picked_up'],
    });
  });

  it('answers 404 for a tracking number that is not this case’s, and for an unknown case', async () => {
    const caseId = await caseAwaitingPickup();
    const wrongParcel = await api.webhook('/v1/webhooks/carriers/dhl', { ...carrierEvent(caseId), trackingNumber: 'other' });
    const unknownCase = await api.webhook(
      '/v1/webhooks/carriers/dhl',
      carrierEvent('case_00000000000000000000000000'),
    );

    expect(wrongParcel.status).toBe(404);
    expect(wrongParcel.body.type).toBe(problemType('unknown-partner'));
    expect(unknownCase.status).toBe(404);
    expect(unknownCase.body.type).toBe(problemType('case-not-found'));
  });

  it('answers 400 naming the field for a signed but invalid event', async () => {
    const res = await api.webhook('/v1/webhooks/carriers/dhl', { ...carrierEvent('case_00000000000000000000000000'), type: 'lost' });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'type' })]);
  });
});

describe('POST /v1/webhooks/warehouses/:warehouseId', () => {
  it('applies an inspection once the parcel is received', async () => {
    const caseId = await caseAwaitingPickup();
    await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'picked_up'));
    await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'delivered'));
    const res = await api.webhook('/v1/webhooks/warehouses/wh-berlin', {
      eventId: randomUUID(),
      type: 'inspected',
      caseId,
      result: 'restockable',
      occurredAt: new Date().toISOString(),
    });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ caseId, status: 'awaiting_survey' });
  });
});
