import { z } from 'zod';

/**
 * Injected partner outages. A test arms "the next n calls to X fail with 503"; those calls record
 * nothing, so the activity's retry is what makes the step succeed, as it would in production.
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
]);
export type PartnerOperation = z.infer<typeof PartnerOperation>;

export const FaultRequest = z.object({
  operation: PartnerOperation,
  failTimes: z.number().int().min(0).max(1000),
  status: z.number().int().min(500).max(599).default(503),
});
export type FaultRequest = z.infer<typeof FaultRequest>;

export class Faults {
  private readonly armed = new Map<PartnerOperation, { remaining: number; status: number }>();

  /** Replaces any fault already armed for the operation; failTimes 0 disarms it. */
  arm({ operation, failTimes, status }: FaultRequest): void {
    if (failTimes === 0) this.armed.delete(operation);
    else this.armed.set(operation, { remaining: failTimes, status });
  }

  /** The status this call must fail with, or undefined when the partner is healthy. */
  take(operation: PartnerOperation): number | undefined {
    const fault = this.armed.get(operation);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.armed.delete(operation);
    return fault.status;
  }

  reset(): void {
    this.armed.clear();
  }
}
