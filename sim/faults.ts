import { z } from 'zod';

/**
 * Injected partner outages. A test arms "the next n calls to X fail with 503"; those calls record
 * nothing, so the activity's retry is what makes the step succeed, as it would in production. A
 * 4xx is the partner refusing for good, which no retry changes: the case's failure path runs.
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

export const FaultRequest = z.object({
  operation: PartnerOperation,
  /** Only this case's calls fail: other cases running at the same time are not disturbed. */
  caseId: z.string().min(1).max(128).optional(),
  failTimes: z.number().int().min(0).max(1000),
  status: z.number().int().min(400).max(599).default(503),
});
export type FaultRequest = z.infer<typeof FaultRequest>;

const keyOf = (operation: PartnerOperation, caseId?: string) => (caseId === undefined ? operation : `${operation} ${caseId}`);

export class Faults {
  private readonly armed = new Map<string, { remaining: number; status: number }>();

  /** Replaces any fault already armed for the operation (and case); failTimes 0 disarms it. */
  arm({ operation, caseId, failTimes, status }: FaultRequest): void {
    const key = keyOf(operation, caseId);
    if (failTimes === 0) this.armed.delete(key);
    else this.armed.set(key, { remaining: failTimes, status });
  }

  /** The status this call must fail with, or undefined when the partner is healthy; a fault armed for the call's case comes first. */
  take(operation: PartnerOperation, caseId?: string): number | undefined {
    const key = [keyOf(operation, caseId), keyOf(operation)].find((k) => this.armed.has(k));
    const fault = key === undefined ? undefined : this.armed.get(key);
    if (!key || !fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.armed.delete(key);
    return fault.status;
  }

  reset(): void {
    this.armed.clear();
  }
}
