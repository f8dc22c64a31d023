import { createInstallerActivities } from '../../../activities/installer';
import { PARTNER_REJECTED, PARTNER_UNAVAILABLE } from '../../../activities/partnerHttp';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, failureOf, simPost, simRecords, startSimulator, WebhookReceiver } from './partnerSupport';

describe('installer adapter against the simulator', () => {
  let receiver: WebhookReceiver;
  let sim: Simulator;
  let installer: ReturnType<typeof createInstallerActivities>;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    sim = await startSimulator({ webhookTarget: receiver.url });
    installer = createInstallerActivities(adapterConfig(sim));
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });

  const DAY_MS = 86_400_000;
  const inDays = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString();
  const fridge = { installerId: 'homefit', orderId: 'ORD-INST-1', sku: 'FRIDGE-9', category: 'large_appliance' };
  const book = (caseId: string, opts: { notBefore?: string } = {}) =>
    installer.bookInstallation({ ...fridge, idempotencyKey: `${caseId}:installation`, caseId, notBefore: opts.notBefore ?? inDays(2) });
  const raw = async (path: string, body: unknown, key = `raw-${Math.random()}`) => {
    const res = await fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('books one job however often the same request is retried, in the first slot after the date asked for', async () => {
    const notBefore = inDays(3);
    const first = await book('inst-book', { notBefore });
    const retried = await book('inst-book', { notBefore });

    expect(retried).toEqual(first);
    expect(Date.parse(first.slot.start)).toBeGreaterThanOrEqual(Date.parse(notBefore));
    expect(Date.parse(first.slot.start) - Date.parse(notBefore)).toBeLessThanOrEqual(DAY_MS);
    expect(Date.parse(first.slot.end)).toBeGreaterThan(Date.parse(first.slot.start));
    expect((await simRecords(sim, 'inst-book')).installations).toEqual([
      {
        action: 'booked',
        caseId: 'inst-book',
        installerId: 'homefit',
        jobId: first.jobId,
        orderId: 'ORD-INST-1',
        sku: 'FRIDGE-9',
        category: 'large_appliance',
        slot: first.slot,
        at: expect.any(String),
      },
    ]);
  });

  it('moves a visit to another slot, once per key', async () => {
    const notBefore = inDays(2);
    const { jobId, slot } = await book('inst-move', { notBefore });
    const move = (idempotencyKey: string) =>
      installer.rescheduleInstallation({ idempotencyKey, caseId: 'inst-move', installerId: 'homefit', jobId, notBefore });

    const moved = await move('inst-move:reschedule:1');
    const retried = await move('inst-move:reschedule:1');

    expect(moved.slot.slotId).not.toBe(slot.slotId);
    expect(Date.parse(moved.slot.start)).toBeGreaterThan(Date.parse(slot.start));
    expect(retried).toEqual(moved);
    expect((await simRecords(sim, 'inst-move')).installations.map((r) => [r.action, r.slot.slotId])).toEqual([
      ['booked', slot.slotId],
      ['rescheduled', moved.slot.slotId],
    ]);
  });

  it('cancels a job once, then refuses to move it', async () => {
    const { jobId } = await book('inst-cancel');
    const ref = { caseId: 'inst-cancel', installerId: 'homefit', jobId };

    await installer.cancelInstallation({ ...ref, idempotencyKey: 'inst-cancel:cancel' });
    await installer.cancelInstallation({ ...ref, idempotencyKey: 'inst-cancel:cancel-again' });
    const move = await failureOf(installer.rescheduleInstallation({ ...ref, idempotencyKey: 'inst-cancel:move', notBefore: inDays(5) }));

    expect((await simRecords(sim, 'inst-cancel')).installations.map((r) => r.action)).toEqual(['booked', 'cancelled']);
    expect(move).toMatchObject({
      type: PARTNER_REJECTED,
      nonRetryable: true,
      details: [{ status: 409, body: { error: 'installation_cancelled' } }],
    });
  });

  it('refuses, for good, an unknown installer, an unknown job, and goods the installer does not install', async () => {
    const { jobId } = await book('inst-refuse');
    const ref = { caseId: 'inst-refuse', notBefore: inDays(2) };
    const unknownInstaller = await failureOf(
      installer.bookInstallation({ ...fridge, ...ref, installerId: 'fitall', idempotencyKey: 'inst-refuse:elsewhere' }),
    );
    const unknownJob = await failureOf(
      installer.cancelInstallation({ ...ref, idempotencyKey: 'inst-refuse:cancel', installerId: 'homefit', jobId: 'inst_nope' }),
    );
    const otherCase = await failureOf(
      installer.rescheduleInstallation({ ...ref, caseId: 'inst-other', idempotencyKey: 'inst-refuse:move', installerId: 'homefit', jobId }),
    );
    const phone = await failureOf(
      installer.bookInstallation({ ...fridge, ...ref, sku: 'PHONE-X', category: 'phone', idempotencyKey: 'inst-refuse:phone' }),
    );

    expect(unknownInstaller).toMatchObject({
      type: PARTNER_REJECTED,
      nonRetryable: true,
      details: [{ status: 404, body: { error: 'unknown_installer' } }],
    });
    expect(unknownJob).toMatchObject({ type: PARTNER_REJECTED, details: [{ status: 404, body: { error: 'unknown_installation_job' } }] });
    expect(otherCase).toMatchObject({ type: PARTNER_REJECTED, details: [{ status: 404 }] });
    expect(phone).toMatchObject({ type: PARTNER_REJECTED, details: [{ status: 422, body: { error: 'category_not_served' } }] });
    expect((await simRecords(sim, 'inst-refuse')).installations.map((r) => r.action)).toEqual(['booked']);
  });

  it('answers a malformed request with 400 and the fields at fault', async () => {
    const booking = await raw('/installers/homefit/jobs', { caseId: 'inst-400', orderId: 'ORD-1', sku: 'FRIDGE-9', notBefore: 'soon' });
    const move = await raw('/installers/homefit/jobs/inst_x/reschedule', { caseId: 'inst-400' });

    expect(booking).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(booking.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['category', 'notBefore']);
    expect(move).toMatchObject({ status: 400, body: { error: 'invalid_request', issues: [{ path: 'notBefore' }] } });
  });

  it('takes a reschedule or a cancellation that names no case, as the contract allows', async () => {
    const { jobId, slot } = await book('inst-bare');
    const moved = await raw(`/installers/homefit/jobs/${jobId}/reschedule`, { notBefore: inDays(2) });
    const cancelled = await fetch(`${sim.url}/installers/homefit/jobs/${jobId}/cancel`, { method: 'POST' });
    const unknown = await fetch(`${sim.url}/installers/fitall/jobs/${jobId}/cancel`, { method: 'POST' });

    expect(moved.status).toBe(200);
    expect(moved.body.slot.slotId).not.toBe(slot.slotId);
    expect(cancelled.status).toBe(200);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'unknown_installer' });
  });

  it('keeps an installer outage retryable, and books nothing while it lasts', async () => {
    await simPost(sim, '/sim/faults', { operation: 'bookInstallation', caseId: 'inst-outage', failTimes: 1 });
    const outage = await failureOf(book('inst-outage'));
    const { jobId } = await book('inst-outage');
    const ref = { caseId: 'inst-outage', installerId: 'homefit', jobId };
    await simPost(sim, '/sim/faults', { operation: 'rescheduleInstallation', caseId: 'inst-outage', failTimes: 1, status: 502 });
    await simPost(sim, '/sim/faults', { operation: 'cancelInstallation', caseId: 'inst-outage', failTimes: 1 });

    const move = () => installer.rescheduleInstallation({ ...ref, idempotencyKey: 'inst-outage:move', notBefore: inDays(3) });
    const moveOutage = await failureOf(move());
    await move();
    const cancelOutage = await failureOf(installer.cancelInstallation({ ...ref, idempotencyKey: 'inst-outage:cancel' }));
    await installer.cancelInstallation({ ...ref, idempotencyKey: 'inst-outage:cancel' });

    for (const failure of [outage, moveOutage, cancelOutage]) {
      expect(failure).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });
    }
    const actions = (await simRecords(sim, 'inst-outage')).installations.map((r) => r.action);
    expect(actions).toEqual(['booked', 'rescheduled', 'cancelled']);
  });

  it("sends a signed installer step by hand for the case's job, and says when the case has none", async () => {
    const { jobId } = await book('inst-cmd');
    const installed = await simPost(sim, '/sim/commands/installer-step', {
      caseId: 'inst-cmd',
      type: 'installed',
      notes: 'on the wall',
    });
    const defect = await simPost(sim, '/sim/commands/installer-step', {
      caseId: 'inst-cmd',
      type: 'defect_found',
      defect: 'door seal torn at delivery',
      eventId: 'inst-cmd-defect',
    });
    const noJob = await simPost(sim, '/sim/commands/installer-step', { caseId: 'inst-cmd-none', type: 'installed' });
    const noDefect = await simPost(sim, '/sim/commands/installer-step', { caseId: 'inst-cmd', type: 'defect_found' });

    expect([installed.body.status, defect.body.status]).toEqual([200, 200]);
    const sent = (eventId: string) => receiver.received.find((w) => w.event.eventId === eventId);
    expect(sent(installed.body.eventId)).toMatchObject({
      path: '/v1/webhooks/installers/homefit',
      signature: { ok: true },
      event: { caseId: 'inst-cmd', type: 'installed', jobId, notes: 'on the wall', occurredAt: expect.any(String) },
    });
    expect(sent('inst-cmd-defect')?.event).toMatchObject({ type: 'defect_found', jobId, defect: 'door seal torn at delivery' });
    expect(noJob).toMatchObject({ status: 404, body: { error: 'no_installation_job' } });
    expect(noDefect).toMatchObject({ status: 400, body: { issues: [{ path: 'defect' }] } });
  });
});
