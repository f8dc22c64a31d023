import { z } from 'zod';
import type { PolicyProfile } from '../../domain/process';
import { minutes, seconds } from './duration';

/**
 * The reconciler of case starts (docs/reliability.md): how often it looks for cases whose API died
 * between writing the case and starting its workflow, how old such a case must be before it is
 * taken for one, and how much it settles at a time. The schedule pins the policy in its action.
 */
export const CaseStartPolicy = z
  .object({
    version: z.string().min(1),
    /** The reconciler runs this often. */
    everyMs: z.number().int().positive(),
    /**
     * A case whose start is not confirmed is left alone until its request is this old: the API
     * that wrote it may still be starting its workflow (each start has a 5 s deadline).
     */
    graceMs: z.number().int().positive(),
    /** Cases read and settled per activity call: one page. */
    pageSize: z.number().int().min(1).max(1_000),
    /** Of a page, how many cases are looked up and started at once. */
    concurrency: z.number().int().min(1).max(64),
  })
  .meta({ id: 'CaseStartPolicy' });
export type CaseStartPolicy = z.infer<typeof CaseStartPolicy>;

const standard: CaseStartPolicy = {
  version: 'case-starts/2026-12-10',
  everyMs: minutes(1),
  graceMs: minutes(1),
  pageSize: 200,
  concurrency: 8,
};

/** The demo's clocks run in seconds: a case left behind starts within half a minute. */
const demo: CaseStartPolicy = { ...standard, version: 'case-starts/2026-12-10-demo', everyMs: seconds(15), graceMs: seconds(15) };

export const caseStartPolicies = { standard, demo } as const satisfies Record<PolicyProfile, CaseStartPolicy>;

for (const policy of Object.values(caseStartPolicies)) CaseStartPolicy.parse(policy);
