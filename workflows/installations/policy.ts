import { z } from 'zod';
import { days, hours, seconds } from '../../config/policies/duration';
import type { PolicySpec } from '../../domain/process';
import { ProductCategory } from '../repairs/vocabulary';

const durationMs = z.number().int().positive();

/**
 * Which delivered products a technician installs and inspects at unboxing, who does it, and how
 * long the installer and the service team have for their parts (docs/processes/installations.md).
 */
export const InstallationPolicy = z
  .object({
    version: z.string().min(1),
    /** The bulky categories installed at the customer's home, each with its installer. */
    installable: z.partialRecord(ProductCategory, z.object({ installerId: z.string().min(1) })),
    /** An offer made on delivery waits this long for the customer to accept it. */
    acceptOfferWithinMs: durationMs,
    /** A request for an installation joins an open one of the same order opened within this time (its offer): one visit per delivery. */
    joinWithinMs: durationMs,
    /** The installer reports the visit's outcome within this time of the slot's end; later is a breach, escalated. */
    reportWithinMs: durationMs,
    /** A defect found at unboxing becomes a return, exchange or repair within this time; later is a breach, escalated. */
    remedyWithinMs: durationMs,
    escalation: z.object({ levels: z.array(z.object({ name: z.string().min(1), ackWithinMs: durationMs })).min(1) }),
  })
  .meta({ id: 'InstallationPolicy' });
export type InstallationPolicy = z.infer<typeof InstallationPolicy>;

const standard: InstallationPolicy = {
  version: 'installations/2026-12-02',
  installable: { large_appliance: { installerId: 'homefit' }, tv: { installerId: 'homefit' } },
  acceptOfferWithinMs: days(14),
  joinWithinMs: days(30),
  reportWithinMs: hours(24),
  remedyWithinMs: days(2),
  escalation: {
    levels: [
      { name: 'team_lead', ackWithinMs: hours(4) },
      { name: 'supervisor', ackWithinMs: hours(8) },
    ],
  },
};

const demo: InstallationPolicy = {
  ...standard,
  version: 'installations/2026-12-02-demo',
  acceptOfferWithinMs: seconds(60),
  reportWithinMs: seconds(60),
  remedyWithinMs: seconds(60),
  escalation: { levels: standard.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(10) })) },
};

export const installationPolicy: PolicySpec<InstallationPolicy> = { schema: InstallationPolicy, profiles: { standard, demo } };
