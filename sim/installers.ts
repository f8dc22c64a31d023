import type { InstallationRecord, Ledger, VisitSlotRecord } from './ledger';
import { newId } from './ids';
import type { VisitTimes } from './suppliers';

/**
 * The installers: technicians who bring a delivered bulky item in, install it and inspect it as
 * they unbox it. A job is booked into the first free slot after a date the case names; a slot is a
 * morning, and every installer has a crew for every job, so a slot is free unless it is the job's own.
 * Callers get copies of a job as it stands: a later move must not change an answer already given.
 */

export type InstallationRequest = Pick<InstallationRecord, 'caseId' | 'orderId' | 'sku' | 'category'> & { notBefore: string };

export interface InstallationJob extends Omit<InstallationRecord, 'action' | 'at'> {
  cancelled: boolean;
}

export type BookingOutcome = InstallationJob | 'unknown_installer' | 'category_not_served';
export type RescheduleOutcome = InstallationJob | 'not_found' | 'cancelled';

/** The installers the simulator plays, by the categories of goods their technicians install. */
export const INSTALLERS: Readonly<Record<string, readonly string[]>> = {
  homefit: ['large_appliance', 'tv'],
};

const DAY_MS = 86_400_000;
const VISIT_START_HOUR_UTC = 9;
const VISIT_LENGTH_MS = 3 * 3_600_000;
/** Far more slots than a job is ever moved: the search for a free one always ends. */
const SLOTS_SEARCHED = 30;

/**
 * When the simulated technicians come, for demos and tests that cannot wait for tomorrow morning:
 * the n-th slot starts firstInMs + (n - 1) × everyMs after the earliest time asked for and lasts lengthMs.
 */
export type InstallationTimes = VisitTimes;

export class Installers {
  private readonly jobs = new Map<string, InstallationJob>();

  constructor(
    private readonly ledger: Ledger,
    private readonly times?: InstallationTimes,
    /** Injected so the unit tests can fix "now"; a technician never comes in the past. */
    private readonly now: () => number = Date.now,
  ) {}

  static serves(installerId: string): readonly string[] | undefined {
    return Object.hasOwn(INSTALLERS, installerId) ? INSTALLERS[installerId] : undefined;
  }

  book(installerId: string, request: InstallationRequest): BookingOutcome {
    const categories = Installers.serves(installerId);
    if (!categories) return 'unknown_installer';
    if (!categories.includes(request.category)) return 'category_not_served';
    const { notBefore, ...item } = request;
    const slot = this.firstFreeSlot(installerId, notBefore);
    const job: InstallationJob = { ...item, installerId, jobId: newId('inst'), slot, cancelled: false };
    this.jobs.set(job.jobId, job);
    this.record(job, 'booked');
    return { ...job };
  }

  /** A job of this installer, cancelled or not; a caseId given must be the job's. */
  private job(installerId: string, jobId: string, caseId?: string): InstallationJob | undefined {
    const job = this.jobs.get(jobId);
    if (job?.installerId !== installerId || (caseId !== undefined && job.caseId !== caseId)) return undefined;
    return job;
  }

  /** The newest job of a case: whom an installer event for the case comes from. */
  latestJob(caseId: string): Pick<InstallationJob, 'installerId' | 'jobId'> | undefined {
    return [...this.jobs.values()].filter((j) => j.caseId === caseId).at(-1);
  }

  reschedule(installerId: string, jobId: string, notBefore: string, caseId?: string): RescheduleOutcome {
    const job = this.job(installerId, jobId, caseId);
    if (!job) return 'not_found';
    if (job.cancelled) return 'cancelled';
    job.slot = this.firstFreeSlot(installerId, notBefore, job.slot.slotId);
    this.record(job, 'rescheduled');
    return { ...job };
  }

  /** Cancelling twice is harmless: compensations may run again after a crash. */
  cancel(installerId: string, jobId: string, caseId?: string): InstallationJob | 'not_found' {
    const job = this.job(installerId, jobId, caseId);
    if (!job) return 'not_found';
    if (!job.cancelled) {
      job.cancelled = true;
      this.record(job, 'cancelled');
    }
    return { ...job };
  }

  reset(): void {
    this.jobs.clear();
  }

  /** The first slot starting at or after notBefore (and not before now), other than `taken`. */
  private firstFreeSlot(installerId: string, notBefore: string, taken?: string): VisitSlotRecord {
    const from = Math.max(Date.parse(notBefore), this.now());
    for (let n = 1; n <= SLOTS_SEARCHED; n += 1) {
      const slot = this.slot(installerId, from, n);
      if (slot.slotId !== taken) return slot;
    }
    throw new Error(`no free installation slot after ${notBefore}`);
  }

  /** The n-th slot from `from`: a morning on or after that day, unless timed otherwise; its id says when. */
  private slot(installerId: string, from: number, n: number): VisitSlotRecord {
    let start: number;
    if (this.times) start = from + this.times.firstInMs + (n - 1) * this.times.everyMs;
    else {
      const day = new Date(from);
      const firstMorning = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), VISIT_START_HOUR_UTC);
      start = (firstMorning >= from ? firstMorning : firstMorning + DAY_MS) + (n - 1) * DAY_MS;
    }
    const startsAt = new Date(start).toISOString();
    return {
      slotId: `${installerId}.${startsAt}`,
      start: startsAt,
      end: new Date(start + (this.times?.lengthMs ?? VISIT_LENGTH_MS)).toISOString(),
    };
  }

  private record(job: InstallationJob, action: InstallationRecord['action']): void {
    const { cancelled: _cancelled, ...fields } = job;
    this.ledger.add('installations', { ...fields, action });
  }
}
