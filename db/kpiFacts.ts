import type { Pool } from 'pg';
import { SqlParams } from './sqlParams';

/**
 * The counts and times the KPI report is computed from, per group, read from case_facts (one row
 * per case, kept by the triggers of migration 0011) and supplier_steps. Each figure counts the
 * cases whose own event fell in the window [from, to): first responses given in it, cases closed
 * in it, cases opened in it, ratings given in it, supplier steps completed in it (README, "KPIs").
 */

export const kpiGroupings = ['channel', 'type', 'segment', 'agent', 'processVersion', 'buildId'] as const;
export type KpiGrouping = (typeof kpiGroupings)[number];

const groupKey: Record<KpiGrouping, string> = {
  channel: 'f.channel',
  type: 'f.type',
  segment: 'f.segment',
  // A case's agent: whoever holds it, else the last staff member who acted on it before it closed.
  agent: 'coalesce(f.assignee, f.last_staff_actor)',
  processVersion: 'f.policy_version',
  // The build that ran the case's last step before it closed (migration 0021); none: unversioned workers ran it.
  buildId: 'f.build_id',
};

export interface KpiFactsQuery {
  from: string;
  to: string;
  groupBy: KpiGrouping | null;
  resolvedOutcomes: readonly string[];
  cycleCaseTypes: readonly string[];
  slaClocks: readonly string[];
  promptResponseMs: number;
  csatSatisfiedAtLeast: number;
  npsPromoterAtLeast: number;
  npsDetractorAtMost: number;
}

/** Nearest-rank percentiles (values that really occurred), null without a sample. */
interface Percentiles {
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface GroupFacts {
  /** The group's value (a channel, an agent…); null for all cases, or for cases without one (no agent). */
  key: string | null;
  firstResponses: Percentiles & { n: number; prompt: number };
  closed: { n: number; resolved: number; firstContact: number; automated: number; breaches: number };
  resolution: Percentiles;
  cycle: { n: number; meanMs: number | null };
  /** Per clock: closed cases that ran it, and of those the ones that breached it. */
  sla: Record<string, { ran: number; breached: number }>;
  opened: { n: number; complaints: number; repeatComplaints: number };
  ratings: { csat: number; satisfied: number; nps: number; promoters: number; detractors: number };
  supplierSteps: { n: number; onTime: number };
}

type Row = Record<string, unknown> & { key: string | null };

const count = (value: unknown): number => Number(value ?? 0);
const millis = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value)));
const percentiles = (value: unknown): Percentiles => {
  const [p50, p90] = (value as number[] | null) ?? [];
  return { p50Ms: millis(p50), p90Ms: millis(p90) };
};

/** Milliseconds from the request to an event of the case. */
const sinceRequest = (column: string) => `date_part('epoch', ${column} - f.created_at) * 1000`;
const nearestRanks = (column: string) => `percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${sinceRequest(column)})`;

/**
 * One population of the report: the cases whose `at` fell in the window, grouped, with the
 * aggregates `select` builds (given a placeholder maker for its own parameters), and what a row
 * of it adds to its group.
 */
interface Population {
  at: string;
  select(param: (value: unknown) => string): string[];
  apply(group: GroupFacts, row: Row): GroupFacts;
}

function populations(q: KpiFactsQuery): Population[] {
  return [
    {
      at: 'f.first_response_at',
      select: (param) => [
        'count(*) AS n',
        `count(*) FILTER (WHERE ${sinceRequest('f.first_response_at')} <= ${param(q.promptResponseMs)}) AS prompt`,
        `${nearestRanks('f.first_response_at')} AS times`,
      ],
      apply: (group, row) => ({ ...group, firstResponses: { n: count(row.n), prompt: count(row.prompt), ...percentiles(row.times) } }),
    },
    {
      at: 'f.closed_at',
      select: (param) => {
        const resolved = `f.outcome = ANY(${param(q.resolvedOutcomes)}::text[])`;
        const cycle = `f.type = ANY(${param(q.cycleCaseTypes)}::text[])`;
        return [
          'count(*) AS n',
          `count(*) FILTER (WHERE ${resolved}) AS resolved`,
          `count(*) FILTER (WHERE ${resolved} AND f.recontacts = 0) AS first_contact`,
          'count(*) FILTER (WHERE NOT f.staff_acted) AS automated',
          'coalesce(sum(cardinality(f.sla_breached)), 0) AS breaches',
          `count(*) FILTER (WHERE ${cycle}) AS cycles`,
          `avg(${sinceRequest('f.closed_at')}) FILTER (WHERE ${cycle}) AS cycle_mean`,
          ...q.slaClocks.flatMap((clock, i) => [
            `count(*) FILTER (WHERE ${param(clock)}::text = ANY(f.sla_clocks)) AS ran_${i}`,
            `count(*) FILTER (WHERE ${param(clock)}::text = ANY(f.sla_breached)) AS breached_${i}`,
          ]),
        ];
      },
      apply: (group, row) => ({
        ...group,
        closed: {
          n: count(row.n),
          resolved: count(row.resolved),
          firstContact: count(row.first_contact),
          automated: count(row.automated),
          breaches: count(row.breaches),
        },
        cycle: { n: count(row.cycles), meanMs: millis(row.cycle_mean) },
        sla: Object.fromEntries(q.slaClocks.map((clock, i) => [clock, { ran: count(row[`ran_${i}`]), breached: count(row[`breached_${i}`]) }])),
      }),
    },
    // Apart from the counts above, which PostgreSQL can spread over workers, and a percentile cannot.
    {
      at: 'f.closed_at',
      select: (param) => [`${nearestRanks('f.closed_at')} FILTER (WHERE f.outcome = ANY(${param(q.resolvedOutcomes)}::text[])) AS times`],
      apply: (group, row) => ({ ...group, resolution: percentiles(row.times) }),
    },
    {
      at: 'f.created_at',
      select: () => [
        'count(*) AS n',
        "count(*) FILTER (WHERE f.type = 'complaint') AS complaints",
        "count(*) FILTER (WHERE f.type = 'complaint' AND f.repeat_complaint) AS repeats",
      ],
      apply: (group, row) => ({ ...group, opened: { n: count(row.n), complaints: count(row.complaints), repeatComplaints: count(row.repeats) } }),
    },
    {
      at: 'f.rated_at',
      select: (param) => [
        'count(f.csat) AS csat',
        `count(*) FILTER (WHERE f.csat >= ${param(q.csatSatisfiedAtLeast)}) AS satisfied`,
        'count(f.nps) AS nps',
        `count(*) FILTER (WHERE f.nps >= ${param(q.npsPromoterAtLeast)}) AS promoters`,
        `count(*) FILTER (WHERE f.nps <= ${param(q.npsDetractorAtMost)}) AS detractors`,
      ],
      apply: (group, row) => ({
        ...group,
        ratings: {
          csat: count(row.csat),
          satisfied: count(row.satisfied),
          nps: count(row.nps),
          promoters: count(row.promoters),
          detractors: count(row.detractors),
        },
      }),
    },
  ];
}

/** Supplier steps count by the step's completion, grouped by their case. */
const supplierSteps: Population = {
  at: 's.completed_at',
  select: () => ['count(*) AS n', 'count(*) FILTER (WHERE s.on_time) AS on_time'],
  apply: (group, row) => ({ ...group, supplierSteps: { n: count(row.n), onTime: count(row.on_time) } }),
};

function populationSql(q: KpiFactsQuery, population: Population, params: SqlParams): string {
  const key = q.groupBy ? groupKey[q.groupBy] : 'NULL::text';
  const from = population === supplierSteps ? 'supplier_steps s JOIN case_facts f ON f.case_id = s.case_id' : 'case_facts f';
  const columns = population.select(params.add);
  return `SELECT ${key} AS key, ${columns.join(', ')}
            FROM ${from}
           WHERE ${population.at} >= ${params.add(q.from)}::timestamptz AND ${population.at} < ${params.add(q.to)}::timestamptz
           GROUP BY 1`;
}

const emptyGroup = (key: string | null, clocks: readonly string[]): GroupFacts => ({
  key,
  firstResponses: { n: 0, prompt: 0, p50Ms: null, p90Ms: null },
  closed: { n: 0, resolved: 0, firstContact: 0, automated: 0, breaches: 0 },
  resolution: { p50Ms: null, p90Ms: null },
  cycle: { n: 0, meanMs: null },
  sla: Object.fromEntries(clocks.map((clock) => [clock, { ran: 0, breached: 0 }])),
  opened: { n: 0, complaints: 0, repeatComplaints: 0 },
  ratings: { csat: 0, satisfied: 0, nps: 0, promoters: 0, detractors: 0 },
  supplierSteps: { n: 0, onTime: 0 },
});

const byKey = (a: GroupFacts, b: GroupFacts) =>
  a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1;

/**
 * Every group with anything in the window, ordered by key (no key last). Without a grouping there
 * is exactly one group, empty when nothing happened in the window. Each population is one indexed
 * query, all of them at once on their own connections.
 */
export async function readKpiFacts(pool: Pool, q: KpiFactsQuery): Promise<GroupFacts[]> {
  const all = [...populations(q), supplierSteps];
  const answers = await Promise.all(
    all.map((population) => {
      const params = new SqlParams();
      return pool.query<Row>(populationSql(q, population, params), params.values);
    }),
  );
  const groups = new Map<string | null, GroupFacts>(q.groupBy ? [] : [[null, emptyGroup(null, q.slaClocks)]]);
  answers.forEach(({ rows }, i) => {
    for (const row of rows) groups.set(row.key, all[i]!.apply(groups.get(row.key) ?? emptyGroup(row.key, q.slaClocks), row));
  });
  return [...groups.values()].sort(byKey);
}
