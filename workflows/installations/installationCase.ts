import { condition, log, patched } from '@temporalio/workflow';
import type { Deadline } from '../../domain/case';
import type { VisitSlot } from '../../activities/types';
import { installers } from '../lib/activities';
import { closeCase } from '../lib/closeCase';
import { Compensations, type Registered } from '../lib/compensations';
import type { Fact } from '../lib/facts';
import { notifyCustomer, notifyParty } from '../lib/notify';
import { failureReason, isPartnerFailure } from '../lib/partnerFailure';
import { declareVersioning } from '../lib/versioning';
import { registerInstallationHandlers } from './handlers';
import type { InstallationCaseInput } from './input';
import { InstallationState, type VisitReport } from './state';
import type { InstallationOutcome } from './vocabulary';
import { installations } from './definition';

export interface InstallationCaseResult {
  outcome: InstallationOutcome;
}

/** The two promises others make on an installation: the installer's report, and the defect's remedy. */
type InstallationClock = 'visit_report' | 'remedy';

/** Thrown inside the flow when the customer cancels, so every wait ends the same way. */
class Cancelled extends Error {
  constructor(readonly fact: Fact<{ reason?: string }>) {
    super('cancelled');
  }
}

/**
 * Installation and unboxing inspection: a technician's visit booked with the category's installer
 * (moved as often as the customer asks, its undo registered) → the installer's signed report:
 * installed, or a defect found at unboxing, which waits for the return, exchange or repair opened
 * from it (POST /v1/cases/{id}/conversions). A report or a remedy later than the policy allows is
 * a breach, escalated; the case keeps waiting. Described for readers in docs/processes/installations.md.
 */
export async function installationCase(input: InstallationCaseInput): Promise<InstallationCaseResult> {
  const state = new InstallationState(input.caseId);
  registerInstallationHandlers(input, state);
  const { journal, facts } = state;
  const { caseId, customer, policy, installerId, item } = input;
  const undo = new Compensations();
  /** The booked visit's undo, dropped once the technician has been: a visit that happened is not cancelled. */
  let booking: Registered | null = null;
  const arrived = (slot: keyof typeof facts) => facts[slot] !== undefined && !facts[slot]!.acknowledged;

  function stopIfCancelled(): void {
    if (arrived('cancel')) throw new Cancelled(facts.cancel!);
  }

  async function breach(clock: InstallationClock, targetMs: number): Promise<void> {
    await journal.record('sla.breached', { data: { clock, targetMs } });
    const message = { audience: 'operations' as const, template: 'sla_breached' as const, data: { clock }, key: ['sla', 'breached', clock] };
    await notifyParty(journal, { ...message, recipientId: 'installations' });
    if (clock === 'visit_report') {
      await notifyParty(journal, { ...message, audience: 'supplier', recipientId: installerId, key: ['sla', 'breached', clock, installerId] });
    }
    await state.escalation.escalate(clock, { reason: `${clock} target missed`, levels: policy.escalation.levels });
  }

  /**
   * Waits for `done` until `deadline`; past it, reports the breach once and waits on without
   * limit: someone must still act, and the escalation sees that they do.
   */
  async function awaitBy(done: () => boolean, deadline: Deadline, clock: InstallationClock, targetMs: number): Promise<void> {
    const waitMs = Math.max(1, Date.parse(deadline.dueAt) - Date.now());
    if (await condition(done, waitMs)) return;
    await breach(clock, targetMs);
    await condition(done);
  }

  const reportDue = (slot: VisitSlot): Deadline => ({ name: 'visit_report', dueAt: new Date(Date.parse(slot.end) + policy.reportWithinMs).toISOString() });

  async function book(): Promise<VisitSlot> {
    const notBefore = new Date(Math.max(Date.now(), Date.parse(input.order.deliveredAt))).toISOString();
    const { jobId, slot } = await installers.bookInstallation({
      idempotencyKey: journal.keys.key('installer', 'book'),
      caseId,
      installerId,
      orderId: input.order.id,
      sku: item.sku,
      category: item.category,
      notBefore,
    });
    state.jobId = jobId;
    booking = undo.add('cancel the installation visit', () =>
      installers.cancelInstallation({ idempotencyKey: journal.keys.key('installer', 'cancel'), caseId, installerId, jobId }),
    );
    await journal.record('installation.booked', {
      status: 'visit_booked',
      data: { installerId, jobId, slot },
      patch: { details: { installerId, jobId, visit: slot }, deadlines: [{ name: 'visit', dueAt: slot.end }, reportDue(slot)] },
    });
    await notifyCustomer(journal, customer, 'installation_booked', { start: slot.start, end: slot.end, sku: item.sku });
    return slot;
  }

  /** The installer's report, after as many moves of the visit as the customer asks for. */
  async function visit(booked: VisitSlot): Promise<VisitReport> {
    let slot = booked;
    for (;;) {
      await awaitBy(() => arrived('report') || arrived('reschedule') || arrived('cancel'), reportDue(slot), 'visit_report', policy.reportWithinMs);
      stopIfCancelled();
      if (arrived('report')) return facts.report!.value;
      const request = facts.reschedule!;
      ({ slot } = await installers.rescheduleInstallation({
        idempotencyKey: journal.keys.key('installer', 'reschedule'),
        caseId,
        installerId,
        jobId: state.jobId!,
        notBefore: new Date().toISOString(),
      }));
      await journal.record('installation.rescheduled', {
        by: request,
        data: { slot },
        patch: { details: { visit: slot }, deadlines: [{ name: 'visit', dueAt: slot.end }, reportDue(slot)] },
      });
      request.acknowledge();
      await notifyCustomer(journal, customer, 'installation_booked', { start: slot.start, end: slot.end, sku: item.sku, rescheduled: true });
    }
  }

  async function remedy(report: VisitReport): Promise<InstallationOutcome> {
    const remedyBy: Deadline = { name: 'remedy', dueAt: new Date(Date.now() + policy.remedyWithinMs).toISOString() };
    await journal.record('installation.defect_found', {
      status: 'defect_found',
      by: facts.report!,
      data: { defect: report.defect, ...(report.notes && { notes: report.notes }) },
      patch: { details: { defect: report.defect }, deadlines: [remedyBy] },
    });
    // The installer hears its report was taken once the case waits for the remedy.
    facts.report!.acknowledge();
    await notifyCustomer(journal, customer, 'installation_defect_found', { defect: report.defect, sku: item.sku, remedies: ['return', 'exchange', 'repair'] });
    await awaitBy(() => arrived('converted'), remedyBy, 'remedy', policy.remedyWithinMs);
    const converted = facts.converted!;
    const link = { caseId: converted.value.caseId, type: converted.value.type };
    await journal.record('installation.remedied', { by: converted, data: link, patch: { details: { convertedTo: link } } });
    return 'defect_remedied';
  }

  /** An offer made on delivery: the customer's yes books the visit; no, or silence, ends it. */
  async function offer(): Promise<InstallationOutcome | null> {
    const offerBy: Deadline = { name: 'offer', dueAt: new Date(Date.now() + policy.acceptOfferWithinMs).toISOString() };
    await journal.record('installation.offered', { status: 'offered', data: { installerId }, patch: { deadlines: [offerBy] } });
    await notifyCustomer(journal, customer, 'installation_offered', { sku: item.sku, orderId: input.order.id, until: offerBy.dueAt });
    if (!(await condition(() => arrived('offer'), policy.acceptOfferWithinMs))) {
      await journal.record('installation.offer_expired');
      return 'offer_expired';
    }
    const answer = facts.offer!;
    await journal.record(answer.value.accepted ? 'installation.accepted' : 'installation.declined', {
      by: answer,
      data: { ...(answer.value.reason && { reason: answer.value.reason }) },
    });
    if (!answer.value.accepted) return 'declined';
    return null;
  }

  async function handle(): Promise<InstallationOutcome> {
    // A delivery's offer (docs/processes/installations.md): new cases only; those asked for run as before.
    if (input.offered && patched('installation-offer-on-delivery')) {
      const declined = await offer();
      if (declined) return declined;
    }
    const booked = await book();
    // The customer's yes is answered once the visit is booked: the answer says visit_booked.
    facts.offer?.acknowledge();
    const report = await visit(booked);
    booking?.discard();
    if (report.step === 'defect_found') return remedy(report);
    await journal.record('installation.completed', { by: facts.report!, data: { ...(report.notes && { notes: report.notes }) } });
    await notifyCustomer(journal, customer, 'installation_completed', { sku: item.sku });
    return 'installed';
  }

  async function close(outcome: InstallationOutcome): Promise<InstallationCaseResult> {
    await closeCase(state, { outcome, resolution: 'human', surveyed: input });
    return { outcome };
  }

  try {
    return await close(await handle());
  } catch (err) {
    if (err instanceof Cancelled) {
      const undone = await undo.run();
      await journal.record('case.cancelled', { by: err.fact, data: { reason: err.fact.value.reason ?? null, compensations: undone } });
      await notifyCustomer(journal, customer, 'case_cancelled', {});
      return close('cancelled');
    }
    if (!isPartnerFailure(err)) throw err;
    // The installer refused for good, or stayed down past the retry window: undo what was booked.
    log.error('installation case failed', { caseId, error: String(err.cause ?? err) });
    const undone = await undo.run();
    await journal.record('case.failed', { data: { error: failureReason(err), compensations: undone } });
    return close('failed');
  }
}

declareVersioning(installations.versioning, installationCase);
