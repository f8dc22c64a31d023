import { condition } from '@temporalio/workflow';
import type { SlaTarget } from '../../config/policies/slaPolicy';
import type { Deadline } from '../../domain/case';
import { addBusinessTime, businessTimeBetween } from './businessCalendar';

/** When a target that starts now falls due, counted in its calendar's working hours (or round the clock). */
export function targetDeadline(target: SlaTarget): Deadline {
  return { name: target.clock, dueAt: new Date(addBusinessTime(Date.now(), target.targetMs, target.calendar)).toISOString() };
}

/**
 * A response or resolution clock (docs/policies.md): it runs in the target's business hours, pauses
 * while the case waits on the customer, warns at the policy's share of the target and breaches
 * at the target. It runs beside the process that owns it and re-arms its timer on every pause
 * and resume; `deadline` is what the case shows as due.
 */
export class SlaClock {
  warned = false;
  breached = false;
  private usedMs = 0;
  private runningSince: number | null = Date.now();
  private changes = 0;
  private stopped = false;
  /**
   * Why a warning or breach handler failed (a message refused for good), if one did. The owner
   * waits for it beside what it waits for, and throws it: `finished` itself never rejects, so a
   * failure cannot go unheard while the owner waits for something else.
   */
  failure: unknown = undefined;
  /** Settles when the clock is stopped, or when a handler failed. */
  readonly finished: Promise<void>;

  constructor(
    readonly target: SlaTarget,
    private readonly events: { onWarning(clock: SlaClock): Promise<void>; onBreach(clock: SlaClock): Promise<void> },
  ) {
    this.finished = this.run().catch((err: unknown) => {
      this.failure = err ?? new Error(`the ${this.name} clock failed`);
    });
  }

  get name(): string {
    return this.target.clock;
  }

  get paused(): boolean {
    return this.runningSince === null && !this.stopped;
  }

  /** When the target falls if the clock keeps running; null while paused or stopped. */
  deadline(): Deadline | null {
    if (this.runningSince === null) return null;
    const now = Date.now();
    const left = Math.max(0, this.target.targetMs - this.used(now));
    return { name: this.name, dueAt: new Date(addBusinessTime(now, left, this.target.calendar)).toISOString() };
  }

  pause(): void {
    if (this.runningSince === null) return;
    this.usedMs = this.used(Date.now());
    this.runningSince = null;
    this.changes++;
  }

  resume(): void {
    if (this.runningSince !== null || this.stopped) return;
    this.runningSince = Date.now();
    this.changes++;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Throws what made a handler fail, so the owner's failure path runs. */
  throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  stop(): void {
    this.pause();
    this.stopped = true;
    this.changes++;
  }

  private used(now: number): number {
    const running = this.runningSince === null ? 0 : businessTimeBetween(this.runningSince, now, this.target.calendar);
    return this.usedMs + running;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const mark = !this.warned ? this.target.targetMs * this.target.warnAt : !this.breached ? this.target.targetMs : null;
      const seen = this.changes;
      if (this.runningSince === null || mark === null) {
        await condition(() => this.changes !== seen);
        continue;
      }
      const now = Date.now();
      const wakeAt = addBusinessTime(now, Math.max(0, mark - this.used(now)), this.target.calendar);
      if (await condition(() => this.changes !== seen, Math.max(1, wakeAt - now))) continue;
      if (!this.warned) {
        this.warned = true;
        await this.events.onWarning(this);
      } else {
        this.breached = true;
        await this.events.onBreach(this);
      }
    }
  }
}
