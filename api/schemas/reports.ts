import { z } from 'zod';
import { days } from '../../config/policies/duration';
import { kpiGroupings } from '../../db/kpiFacts';
import type { AgentReport as BuiltAgentReport } from '../../reports/agentFigures';
import type { KpiReport as BuiltKpiReport } from '../../reports/kpis';

const instant = z.iso.datetime({ offset: true });
const windowEdge = (what: string) => `${what}; the window is [from, to), at most the KPI policy's maxWindowMs long`;

/** The window every report covers; how long it may be is policy, so the schema is made from it. */
export function reportWindowQuery(maxWindowMs: number) {
  return z
    .object({
      from: instant.meta({ description: windowEdge('Start of the window (ISO 8601 with offset), included') }),
      to: instant.meta({ description: windowEdge('End of the window (ISO 8601 with offset), excluded') }),
      format: z
        .enum(['json', 'csv'])
        .optional()
        .meta({ description: 'csv: the same figures as text/csv (also chosen by Accept: text/csv); default json' }),
    })
    .superRefine((q, ctx) => {
      const span = Date.parse(q.to) - Date.parse(q.from);
      if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be later than from' });
      else if (span > maxWindowMs) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${maxWindowMs / days(1)} days after from` });
    });
}

export const KpiGrouping = z.enum(kpiGroupings).meta({ id: 'KpiGrouping' });

export function kpiReportQuery(maxWindowMs: number) {
  return reportWindowQuery(maxWindowMs).safeExtend({
    groupBy: KpiGrouping.optional().meta({
      description:
        'One group per value of this (agent: whoever holds the case, else the staff member who last acted on it; buildId: the worker build that ran its last step before it closed, none for unversioned workers); absent: one group of all cases',
    }),
  });
}

const Count = z.number().int().nonnegative();

export const Kpi = z
  .object({
    value: z.number().nullable().meta({ description: 'Null when nothing in the window could be measured' }),
    unit: z.enum(['ms', 'share', 'points']).meta({ description: 'ms: milliseconds; share: 0 to 1; points: NPS, -100 to 100' }),
    target: z.number().meta({ description: "The KPI policy's target" }),
    better: z.enum(['higher', 'lower']).meta({ description: 'Which side of the target is good' }),
    met: z.boolean().nullable(),
    sample: Count.meta({ description: 'The cases, answers or supplier steps the value is computed from' }),
  })
  .meta({ id: 'Kpi' });

const described = (description: string) => Kpi.meta({ description });

export const KpiSet = z
  .object({
    firstResponseP50: described('Median time from the request to the first staff response, over first responses given in the window'),
    firstResponseP90: described('90th percentile of the same'),
    resolutionP50: described('Median time from the request to the close, over cases closed in the window with a resolved outcome'),
    resolutionP90: described('90th percentile of the same'),
    slaCompliance: z
      .record(z.string(), Kpi)
      .meta({ description: 'Per clock: the share of cases closed in the window that ran the clock and did not breach it' }),
    firstContactResolution: described('Share of resolved cases closed in the window the customer never had to come back to'),
    problemResolution: described('Share of cases closed in the window with a resolved outcome'),
    repeatComplaintRate: described('Share of complaints opened in the window that repeat a recent complaint of the customer'),
    complaintRate: described('Share of cases opened in the window that are complaints'),
    csat: described('Share of CSAT answers given in the window that are satisfied (4 or 5)'),
    nps: described('Promoters (9–10) minus detractors (0–6), in points of the NPS answers given in the window'),
    automationShare: described('Share of cases closed in the window with no staff action between the request and the close'),
    afterSalesCycle: described('Mean time from the request to the close of returns, exchanges and repairs closed in the window'),
    supplierOnTime: described('Share of supplier steps completed in the window within their response time'),
  })
  .meta({ id: 'KpiSet' });

export const KpiReport = z
  .object({
    from: instant,
    to: instant,
    groupBy: KpiGrouping.nullable(),
    policyVersion: z.string().meta({ description: 'The KPI policy the targets come from' }),
    groups: z.array(
      z
        .object({ key: z.string().nullable().meta({ description: 'The group’s value; null: all cases, or the cases without one (no agent)' }), kpis: KpiSet })
        .meta({ id: 'KpiGroup' }),
    ),
  })
  .meta({ id: 'KpiReport' }) satisfies z.ZodType<BuiltKpiReport>;

const Share = z.number().min(0).max(1).nullable();

export const AgentFigures = z
  .object({
    agentId: z.string(),
    casesHandled: Count.meta({ description: "The agent's cases closed in the window" }),
    firstResponses: Count.meta({ description: "First responses given in the window on the agent's cases" }),
    firstResponseP50Ms: z.number().nullable().meta({ description: 'Their median time from the request' }),
    promptResponses: Count.meta({ description: "Of those, within the KPI policy's promptResponseMs (10 minutes)" }),
    promptResponseShare: Share,
    csatAnswers: Count.meta({ description: "CSAT answers given in the window on the agent's cases" }),
    csat: Share.meta({ description: 'The share of them satisfied (4 or 5)' }),
    breaches: Count.meta({ description: "Service-level clocks breached by the agent's cases closed in the window" }),
  })
  .meta({ id: 'AgentFigures' });

export const AgentReport = z
  .object({
    from: instant,
    to: instant,
    policyVersion: z.string(),
    promptResponseMs: Count.meta({ description: 'A first response within this is prompt' }),
    agents: z.array(AgentFigures),
  })
  .meta({ id: 'AgentReport' }) satisfies z.ZodType<BuiltAgentReport>;

/** The CSV exports, documented as text beside the JSON. */
export const CsvText = z.string().meta({ description: 'RFC 4180 CSV with a header line; an empty field is null' });
