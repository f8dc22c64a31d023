import { z } from 'zod';

/**
 * How an installation ends: installed; a defect found at unboxing that became a return, exchange
 * or repair; an offer the customer declined or let lapse; cancelled by the customer; or failed
 * (the installer refused for good).
 */
export const InstallationOutcome = z
  .enum(['installed', 'defect_remedied', 'declined', 'offer_expired', 'cancelled', 'failed'])
  .meta({ id: 'InstallationOutcome' });
export type InstallationOutcome = z.infer<typeof InstallationOutcome>;
