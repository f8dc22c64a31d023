import { randomUUID } from 'node:crypto';
import { returnRequest } from '../support/requests';
import { WebhookSecrets } from '../../config/webhookSecrets';
import { type ApiClient, ApiHarness } from './support/apiHarness';

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
  expect((await api.post(`/v1/cases/${caseId}/actions/approve`, {})).status).toBe(200);
  return caseId;
}

/** A case whose parcel the carrier has delivered, so the warehouse may report the inspection. */
async function caseAwaitingInspection(): Promise<string> {
  const caseId = await caseAwaitingPickup();
  expect((await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'picked_up'))).status).toBe(200);
  expect((await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'delivered'))).status).toBe(200);
  return caseId;
}

function inspection(caseId: string) {
  return { eventId: randomUUID(), type: 'inspected', caseId, result: 'restockable', occurredAt: new Date().toISOString() };
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

  it('answers 503 with Retry-After to a step the case has not reached yet, and takes it when sent again later', async () => {
    const caseId = await caseAwaitingPickup();
    const delivered = carrierEvent(caseId, 'delivered');
    const early = await api.webhook('/v1/webhooks/carriers/dhl', delivered);

    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('5');
    expect(early.body).toMatchObject({ type: problemType('step-early'), caseId, currentStatus: 'label_issued' });
    expect(await api.appliedSteps(caseId)).toBe(0);

    await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'picked_up'));
    const again = await api.webhook('/v1/webhooks/carriers/dhl', delivered);
    expect(again).toMatchObject({ status: 200, body: { caseId, status: 'received' } });
  });

  it('answers 409 with the allowed steps to a step the case is past', async () => {
    const caseId = await caseAwaitingPickup();
    await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'picked_up'));
    const res = await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'picked_up'));

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: problemType('invalid-transition'),
      currentStatus: 'in_transit',
      allowedSteps: ['delivered'],
    });
    expect(await api.appliedSteps(caseId)).toBe(1);
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

  it('leaves nothing of an event refused as not the partner’s: its id is free for the corrected event', async () => {
    const caseId = await caseAwaitingPickup();
    const event = carrierEvent(caseId);
    // The record names the carrier; the case itself finds the parcel is not its own.
    const wrongParcel = await api.webhook('/v1/webhooks/carriers/dhl', { ...event, trackingNumber: 'other' });
    const corrected = await api.webhook('/v1/webhooks/carriers/dhl', event);

    expect([wrongParcel.status, corrected.status]).toEqual([404, 200]);
    expect(await api.appliedSteps(caseId)).toBe(1);
  });

  it('answers 400 naming the field for a signed but invalid event', async () => {
    const res = await api.webhook('/v1/webhooks/carriers/dhl', { ...carrierEvent('case_00000000000000000000000000'), type: 'lost' });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'type' })]);
  });
});

describe('POST /v1/webhooks/warehouses/:warehouseId', () => {
  it('applies an inspection once the parcel is received', async () => {
    const caseId = await caseAwaitingInspection();
    const res = await api.webhook('/v1/webhooks/warehouses/wh-berlin', inspection(caseId));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ caseId, status: 'awaiting_survey' });
  });
});

describe('a partner that is not the case’s', () => {
  it('is answered 404 by the record alone, as for a case that does not exist, and changes nothing', async () => {
    const caseId = await caseAwaitingPickup();
    // The stand-in takes any carrier and warehouse: only the API, reading the label on the record, tells them apart.
    const otherCarrier = await api.webhook('/v1/webhooks/carriers/ups', carrierEvent(caseId));
    expect(otherCarrier).toMatchObject({ status: 404, body: { type: problemType('unknown-partner'), caseId } });
    expect(await api.liveStatus(caseId)).toBe('label_issued');

    await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'picked_up'));
    await api.webhook('/v1/webhooks/carriers/dhl', carrierEvent(caseId, 'delivered'));
    const otherWarehouse = await api.webhook('/v1/webhooks/warehouses/wh-munich', inspection(caseId));
    expect(otherWarehouse).toMatchObject({ status: 404, body: { type: problemType('unknown-partner'), caseId } });
    expect(await api.liveStatus(caseId)).toBe('received');
    expect(await api.appliedSteps(caseId)).toBe(2);
  });
});

describe('webhook secrets', () => {
  const NEW = 'dhl-secret-2026-11-new';
  const OLD = 'dhl-secret-2026-05-old';
  let shared: string;
  let rotating: ApiClient;

  beforeAll(async () => {
    shared = api.deps.webhookSecrets.signing('carrier:ups')!;
    rotating = await api.variant({ webhookSecrets: new WebhookSecrets({ 'carrier:dhl': [NEW, OLD] }, shared) });
  });

  it('verify a partner by its own secrets, both of them during a rotation, and no longer by the shared one', async () => {
    const [first, second, third] = [await caseAwaitingPickup(), await caseAwaitingPickup(), await caseAwaitingPickup()];

    expect((await rotating.webhook('/v1/webhooks/carriers/dhl', carrierEvent(first), { secret: NEW })).status).toBe(200);
    expect((await rotating.webhook('/v1/webhooks/carriers/dhl', carrierEvent(second), { secret: OLD })).status).toBe(200);
    expect((await rotating.webhook('/v1/webhooks/carriers/dhl', carrierEvent(third), { secret: shared })).status).toBe(401);
    expect(await api.appliedSteps(third)).toBe(0);
  });

  it('keep the shared secret for partners without their own, and one partner’s secret signs for no other', async () => {
    const caseId = await caseAwaitingInspection();

    expect((await rotating.webhook('/v1/webhooks/warehouses/wh-berlin', inspection(caseId), { secret: NEW })).status).toBe(401);
    expect((await rotating.webhook('/v1/webhooks/warehouses/wh-berlin', inspection(caseId), { secret: shared })).status).toBe(200);
  });

  it('cannot make a replayed event count twice: a fresh signature on the same event changes nothing, on the same id with another time it is refused', async () => {
    const caseId = await caseAwaitingPickup();
    const event = carrierEvent(caseId);
    const now = Math.floor(Date.now() / 1000);
    const first = await api.webhook('/v1/webhooks/carriers/dhl', event, { signedAt: now - 120 });
    const replayed = await api.webhook('/v1/webhooks/carriers/dhl', event, { signedAt: now });
    const redated = await api.webhook('/v1/webhooks/carriers/dhl', { ...event, occurredAt: new Date().toISOString() }, { signedAt: now });

    expect([first.status, replayed.status, redated.status]).toEqual([200, 200, 409]);
    expect(replayed.body).toEqual(first.body);
    expect(redated.body).toMatchObject({ type: problemType('event-id-reuse'), firstUse: { caseId, type: 'picked_up', occurredAt: event.occurredAt } });
    expect(await api.appliedSteps(caseId)).toBe(1);
  });

  it('keeps a partner’s event ids its own: another partner may use the same id for its own event', async () => {
    const [mine, theirs] = [await caseAwaitingPickup(), await caseAwaitingInspection()];
    const eventId = randomUUID();

    expect((await api.webhook('/v1/webhooks/carriers/dhl', { ...carrierEvent(mine), eventId })).status).toBe(200);
    expect((await api.webhook('/v1/webhooks/warehouses/wh-berlin', { ...inspection(theirs), eventId })).status).toBe(200);
  });
});
