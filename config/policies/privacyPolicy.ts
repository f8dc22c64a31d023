import { z } from 'zod';
import type { PolicyProfile } from '../../domain/process';
import { days, minutes } from './duration';
import { BusinessCalendar } from './slaPolicy';

/**
 * How long the service keeps a customer's personal data, and how erasure reaches every process
 * (docs/security.md#erasure-and-retention). PIPL asks that personal data be kept no longer than
 * its purpose needs: a closed case's is erased once `retainAfterCloseMs` has passed, by a daily
 * job; its non-personal facts (process, status, dates, amounts, outcome, SLA facts) stay for the
 * KPIs.
 */

const durationMs = z.number().int().positive();

export const PrivacyPolicy = z
  .object({
    version: z.string().min(1),
    /** A case closed longer ago than this has its personal data erased. */
    retainAfterCloseMs: durationMs,
    /** Every day at this local time the retention job erases the cases past their time. */
    retentionRunAt: z.object({ hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) }),
    timeZone: BusinessCalendar.shape.timeZone,
    /** Cases erased per transaction: a batch holds their rows' locks, so it is kept short. */
    retentionBatchSize: z.number().int().positive().max(10_000),
    /**
     * How long a process keeps a customer's data key once read. The process that erases forgets it
     * at once; every other worker and API instance within this time.
     */
    dataKeyCacheMs: durationMs,
  })
  .meta({ id: 'PrivacyPolicy' });
export type PrivacyPolicy = z.infer<typeof PrivacyPolicy>;

const standard: PrivacyPolicy = {
  version: 'privacy/2026-12-20',
  retainAfterCloseMs: days(3 * 365),
  retentionRunAt: { hour: 3, minute: 30 },
  timeZone: 'Europe/Berlin',
  retentionBatchSize: 200,
  dataKeyCacheMs: minutes(5),
};

/** The demo keeps what it shows: its cases are minutes old, and three years is as far away as ever. */
const demo: PrivacyPolicy = { ...standard, version: 'privacy/2026-12-20-demo' };

export const privacyPolicies = { standard, demo } as const satisfies Record<PolicyProfile, PrivacyPolicy>;

for (const policy of Object.values(privacyPolicies)) PrivacyPolicy.parse(policy);
