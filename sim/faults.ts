import { z } from 'zod';

/**
 * Injected partner faults. A test arms "the next n calls to X fail with 503", or "X is down for the
 * next two minutes" (every call fails until then, however many retries come). By default they fail
 * before the partner acts (an outage): the calls record nothing, so the activity's retry is what
 * makes the step succeed, as it would in production. A 4xx is the partner refusing for good, which
 * no retry changes: the case's failure path runs. Armed `after_recording`, the partner acts and
 * records first and only its answer is lost, as when a connection drops or a reply comes after
 * the caller stopped waiting: the retry must then find what the first call did, by its
 * Idempotency-Key, and not do it again.
 */

export const PartnerOperation = z.enum([
  'payments.refund',
  'payments.charge',
  'inventory.reserve',
  'inventory.release',
  'inventory.restock',
  'logistics.label',
  'logistics.void',
  'logistics.ship',
  'logistics.cancel',
  'notifications.send',
  'notifications.party',
  'suppliers.order',
  'suppliers.cancel',
  'suppliers.slots',
  'suppliers.visit',
  // Named as the installer adapter's operations are.
  'bookInstallation',
  'rescheduleInstallation',
  'cancelInstallation',
  'orders.get',
  'orders.returns',
  'customers.get',
  'customers.orders',
]);
export type PartnerOperation = z.infer<typeof PartnerOperation>;

export const FaultRequest = z
  .object({
    operation: PartnerOperation,
    /** Only this case's calls fail: other cases running at the same time are not disturbed. */
    caseId: z.string().min(1).max(128).optional(),
    failTimes: z.number().int().min(0).max(1000).optional(),
    /** Down this long from now, instead of for a number of calls: an outage as an operator sees one. */
    forMs: z.number().int().min(1).max(3_600_000).optional(),
    status: z.number().int().min(400).max(599).default(503),
    /** Unset: an outage, before anything is read. `after_recording`: the partner acts, then its answer is lost. */
    when: z.literal('after_recording').optional(),
    /** With after_recording: the partner's own answer, sent this late instead of `status` at once. */
    delayMs: z.number().int().min(1).max(120_000).optional(),
  })
  .refine((fault) => fault.delayMs === undefined || fault.when === 'after_recording', {
    path: ['delayMs'],
    message: 'a late answer is one the partner acted on: set when to after_recording',
  })
  .refine((fault) => (fault.failTimes === undefined) !== (fault.forMs === undefined), {
    path: ['failTimes'],
    message: 'say how many calls fail (failTimes) or for how long (forMs), one of the two',
  });
export type FaultRequest = z.input<typeof FaultRequest>;

/** What an armed fault does to the call it hits. */
export type Fault =
  | { when: 'before_reading'; status: number }
  | { when: 'after_recording'; status: number }
  | { when: 'after_recording'; delayMs: number };

function faultOf({ status = 503, when, delayMs }: FaultRequest): Fault {
  if (when === undefined) return { when: 'before_reading', status };
  return delayMs === undefined ? { when, status } : { when, delayMs };
}

const keyOf = (operation: PartnerOperation, caseId?: string) => (caseId === undefined ? operation : `${operation} ${caseId}`);

/** A fault lasts for a number of calls, or until a moment (epoch ms). */
type Armed = { fault: Fault; remaining: number } | { fault: Fault; until: number };

export class Faults {
  private readonly armed = new Map<string, Armed>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Replaces any fault already armed for the operation (and case); failTimes 0 (or neither failTimes nor forMs) disarms it. */
  arm(request: FaultRequest): void {
    const key = keyOf(request.operation, request.caseId);
    const { failTimes = 0, forMs } = request;
    if (forMs !== undefined) this.armed.set(key, { fault: faultOf(request), until: this.now() + forMs });
    else if (failTimes === 0) this.armed.delete(key);
    else this.armed.set(key, { fault: faultOf(request), remaining: failTimes });
  }

  /** The fault this call meets, or undefined when the partner is healthy; a fault armed for the call's case comes first. */
  take(operation: PartnerOperation, caseId?: string): Fault | undefined {
    const key = [keyOf(operation, caseId), keyOf(operation)].find((k) => this.live(k));
    const armed = key === undefined ? undefined : this.armed.get(key);
    if (!key || !armed) return undefined;
    if ('remaining' in armed) {
      armed.remaining -= 1;
      if (armed.remaining === 0) this.armed.delete(key);
    }
    return armed.fault;
  }

  /** Whether a fault is armed under `key`; one whose time is up is forgotten. */
  private live(key: string): boolean {
    const armed = this.armed.get(key);
    if (armed && 'until' in armed && armed.until <= this.now()) this.armed.delete(key);
    return this.armed.has(key);
  }

  reset(): void {
    this.armed.clear();
  }
}
