import { createInstallerActivities } from '../../../activities/installer';
import type { Simulator } from '../../../sim/createSimulator';
import { eventually } from '../../support/eventually';
import { adapterConfig, simPost, startSimulator, WebhookReceiver, type ReceivedWebhook } from './partnerSupport';

/** The simulator playing an installer on its own once a job is booked, by the case's script. */
describe('simulator installer autopilot', () => {
  let receiver: WebhookReceiver;
  let sim: Simulator;
  let installer: ReturnType<typeof createInstallerActivities>;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // The step delay is the time a test has to cancel or move a job before its report is due.
    sim = await startSimulator({ autopilot: true, webhookTarget: receiver.url, delays: { installerStepMs: 300 } });
    installer = createInstallerActivities(adapterConfig(sim));
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });
  afterEach(() => {
    receiver.answer = () => 200;
  });

  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
  const washer = { sku: 'WASHER-7', category: 'large_appliance' };
  const book = (caseId: string, item = washer) =>
    installer.bookInstallation({
      ...item,
      idempotencyKey: `${caseId}:installation`,
      caseId,
      installerId: 'homefit',
      orderId: `ORD-${caseId}`,
      notBefore: inDays(1),
    });
  const script = (caseId: string, installation: string) => simPost(sim, '/sim/scripts', { caseId, installation });
  const accepted = (caseId: string) => receiver.forCase(caseId).filter((w) => w.signature.ok && answered(w) < 300);
  const answers = new Map<ReceivedWebhook, number>();
  const answered = (w: ReceivedWebhook) => answers.get(w) ?? 200;
  /** A job booked after the others with the same delay: once its report is in, theirs would have been too. */
  const controlJobReports = async (caseId: string) => {
    await book(caseId);
    await eventually(async () => expect(accepted(caseId)).toHaveLength(1));
  };

  it('reports an installation, signed, to the webhook of the installer, a step after the booking', async () => {
    const { jobId } = await book('inst-auto');

    await eventually(async () => expect(accepted('inst-auto')).toHaveLength(1));
    const [report] = receiver.forCase('inst-auto');
    expect(report).toEqual({
      path: '/v1/webhooks/installers/homefit',
      signature: { ok: true },
      event: {
        eventId: expect.any(String),
        caseId: 'inst-auto',
        type: 'installed',
        occurredAt: expect.any(String),
        jobId,
        notes: expect.any(String),
      },
    });
  });

  it('reports the defect found at unboxing when the case is scripted so', async () => {
    await script('inst-defect', 'defect');
    const { jobId } = await book('inst-defect', { sku: 'TV-55', category: 'tv' });

    await eventually(async () => expect(accepted('inst-defect')).toHaveLength(1));
    expect(receiver.forCase('inst-defect')[0]).toMatchObject({
      signature: { ok: true },
      event: { type: 'defect_found', jobId, defect: expect.stringMatching(/\(simulated\)$/) },
    });
  });

  it('keeps offering the report while our API says the case is not ready, then stops', async () => {
    let refusals = 2;
    receiver.answer = (w) => {
      const answer = w.event.caseId === 'inst-early' && refusals-- > 0 ? 409 : 200;
      answers.set(w, answer);
      return answer;
    };
    await book('inst-early');

    await eventually(async () => expect(accepted('inst-early')).toHaveLength(1));
    const attempts = receiver.forCase('inst-early');
    expect(attempts.map(answered)).toEqual([409, 409, 200]);
    expect(new Set(attempts.map((w) => w.event.eventId)).size).toBe(1);
  });

  it('reports once, for the visit last booked, after a reschedule; nothing for a cancelled or manual job', async () => {
    const moved = await book('inst-moved');
    await installer.rescheduleInstallation({
      idempotencyKey: 'inst-moved:reschedule',
      caseId: 'inst-moved',
      installerId: 'homefit',
      jobId: moved.jobId,
      notBefore: inDays(3),
    });
    const cancelled = await book('inst-cancelled');
    await installer.cancelInstallation({
      idempotencyKey: 'inst-cancelled:cancel',
      caseId: 'inst-cancelled',
      installerId: 'homefit',
      jobId: cancelled.jobId,
    });
    await script('inst-manual', 'manual');
    await book('inst-manual');

    await eventually(async () => expect(accepted('inst-moved')).toHaveLength(1));
    await controlJobReports('inst-silence-control');
    expect(receiver.forCase('inst-moved').map((w) => w.event)).toEqual([
      expect.objectContaining({ type: 'installed', jobId: moved.jobId }),
    ]);
    expect(receiver.forCase('inst-cancelled')).toEqual([]);
    expect(receiver.forCase('inst-manual')).toEqual([]);
  });
});
