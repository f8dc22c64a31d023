import { z } from 'zod';
import type { PolicyProfile } from '../../domain/process';
import { isCaseType, processes } from '../../workflows/registry';
import { days, minutes, seconds } from './duration';
import { SlaClockName } from './slaPolicy';

/**
 * What the KPI report (GET /v1/reports/kpis; formulas in the README, "KPIs") counts as a success
 * and the target each figure is held against (docs/policies.md, "KPI targets"). Read when a report
 * is asked for: unlike the case policies, no case pins it, so a new target applies to every window.
 */

const durationMs = z.number().int().positive();
const share = z.number().min(0).max(1);
const outcomes: string[] = processes.flatMap((p) => p.outcomes);

export const KpiPolicy = z
  .object({
    version: z.string().min(1),
    /** The longest window one report may cover. */
    maxWindowMs: durationMs,
    /** The outcomes in which the customer's problem was solved. */
    resolvedOutcomes: z.array(z.string().refine((o) => outcomes.includes(o), 'an outcome of a registered process')).min(1),
    /** The processes that move goods or money, whose cases make the after-sales cycle. */
    cycleCaseTypes: z.array(z.string().refine((t): boolean => isCaseType(t), 'a case type of a registered process')).min(1),
    /** The service-level clocks whose compliance is reported. */
    slaClocks: z.array(SlaClockName).min(1),
    /** A first response within this is prompt (the per-agent figures). */
    promptResponseMs: durationMs,
    /** CSAT answers at or above this are satisfied. */
    csatSatisfiedAtLeast: z.number().int().min(1).max(5),
    /** NPS answers at or above this are promoters, at or below the other detractors. */
    npsPromoterAtLeast: z.number().int().min(0).max(10),
    npsDetractorAtMost: z.number().int().min(0).max(10),
    targets: z.object({
      firstResponseP50Ms: durationMs,
      firstResponseP90Ms: durationMs,
      resolutionP50Ms: durationMs,
      resolutionP90Ms: durationMs,
      slaCompliance: share,
      firstContactResolution: share,
      problemResolution: share,
      repeatComplaintRate: share,
      complaintRate: share,
      csat: share,
      nps: z.number().min(-100).max(100),
      automationShare: share,
      afterSalesCycleMs: durationMs,
      supplierOnTime: share,
    }),
  })
  .refine((p) => p.npsDetractorAtMost < p.npsPromoterAtLeast, { message: 'detractors score below promoters', path: ['npsDetractorAtMost'] })
  .meta({ id: 'KpiPolicy' });
export type KpiPolicy = z.infer<typeof KpiPolicy>;

const standard: KpiPolicy = {
  version: 'kpi/2026-12-02',
  maxWindowMs: days(366),
  resolvedOutcomes: ['resolved', 'resolved_unconfirmed', 'resolved_remotely', 'repaired', 'replaced', 'refunded', 'exchanged', 'answered', 'answered_automatically', 'installed'],
  cycleCaseTypes: ['return', 'exchange', 'repair'],
  slaClocks: ['first_response', 'solution', 'review'],
  promptResponseMs: minutes(10),
  csatSatisfiedAtLeast: 4,
  npsPromoterAtLeast: 9,
  npsDetractorAtMost: 6,
  targets: {
    firstResponseP50Ms: minutes(10),
    // The SLA policy's first-response target for a complaint (docs/policies.md, "Service levels").
    firstResponseP90Ms: minutes(30),
    resolutionP50Ms: days(2),
    resolutionP90Ms: days(7),
    slaCompliance: 0.95,
    firstContactResolution: 0.7,
    problemResolution: 0.9,
    repeatComplaintRate: 0.05,
    complaintRate: 0.2,
    csat: 0.85,
    nps: 40,
    automationShare: 0.8,
    afterSalesCycleMs: days(3),
    supplierOnTime: 0.95,
  },
};

/** Targets on the scale of the demo's clocks, which run in seconds. */
const demo: KpiPolicy = {
  ...standard,
  version: 'kpi/2026-12-02-demo',
  promptResponseMs: seconds(10),
  targets: {
    ...standard.targets,
    firstResponseP50Ms: seconds(10),
    firstResponseP90Ms: seconds(20),
    resolutionP50Ms: minutes(1),
    resolutionP90Ms: minutes(3),
    afterSalesCycleMs: minutes(1),
  },
};

export const kpiPolicies = { standard, demo } as const satisfies Record<PolicyProfile, KpiPolicy>;

for (const policy of Object.values(kpiPolicies)) KpiPolicy.parse(policy);

