import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { kpiPolicies, type KpiPolicy } from '../../config/policies/kpiPolicy';
import { listAgents } from '../../db/agents';
import { readKpiFacts } from '../../db/kpiFacts';
import { agentCsv, agentReport } from '../../reports/agentFigures';
import { kpiCsv, kpiReport } from '../../reports/kpis';
import { tokenAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { defineRoute, type Route } from '../route';
import { AgentReport, CsvText, KpiReport, kpiReportQuery, reportWindowQuery } from '../schemas/reports';

/**
 * The service by the numbers, for supervisors: the KPIs against their targets, and per-agent
 * figures (README, "KPIs"), as JSON or as the same figures in CSV.
 */

const supervisors = { supervisor: 'all', admin: 'all' } as const;

function jsonOrCsv(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { 'application/json': { schema }, 'text/csv': { schema: CsvText } } };
}

/** `?format=` decides; without it, the Accept header (JSON unless it prefers CSV). */
function wantsCsv(format: 'json' | 'csv' | undefined, req: Request): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** The report as JSON, or as the CSV download `name`.csv. */
function answer<R>(req: Request, res: Response, format: 'json' | 'csv' | undefined, report: R, csv: { name: string; of(report: R): string }): void {
  if (!wantsCsv(format, req)) {
    res.json(report);
    return;
  }
  res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${csv.name}.csv"`).send(csv.of(report));
}

/** The window as the report names it: the instants given, in UTC. */
const utc = (at: string) => new Date(at).toISOString();

function kpisRoute(deps: ApiDeps, policy: KpiPolicy): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/reports/kpis',
    operationId: 'getKpiReport',
    summary: 'The KPIs of a window against their targets, for all cases or per channel, type, segment, agent or process version (JSON or CSV)',
    tags: ['reports'],
    access: tokenAccess(supervisors),
    query: kpiReportQuery(policy.maxWindowMs),
    responses: { 200: jsonOrCsv('The KPIs per group; as CSV, one line per group per KPI', KpiReport) },
    problems: [],
    async handle({ query }, req, res) {
      const window = { from: utc(query.from), to: utc(query.to), groupBy: query.groupBy ?? null };
      const report = kpiReport(window, await readKpiFacts(deps.pool, { ...policy, ...window }), policy);
      answer(req, res, query.format, report, { name: 'kpis', of: kpiCsv });
    },
  });
}

function agentsRoute(deps: ApiDeps, policy: KpiPolicy): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/reports/agents',
    operationId: 'getAgentReport',
    summary: "Each agent's cases handled, first responses (median, share prompt), CSAT and breaches in a window (JSON or CSV)",
    tags: ['reports'],
    access: tokenAccess(supervisors),
    query: reportWindowQuery(policy.maxWindowMs),
    responses: { 200: jsonOrCsv('One entry per agent: the roster and every other staff member with cases; as CSV, one line per agent', AgentReport) },
    problems: [],
    async handle({ query }, req, res) {
      const window = { from: utc(query.from), to: utc(query.to) };
      const [byAgent, roster] = await Promise.all([
        readKpiFacts(deps.pool, { ...policy, ...window, groupBy: 'agent' }),
        listAgents(deps.pool),
      ]);
      const report = agentReport(window, byAgent, roster.map((agent) => agent.id), policy);
      answer(req, res, query.format, report, { name: 'agents', of: agentCsv });
    },
  });
}

export function reportRoutes(deps: ApiDeps): Route[] {
  const policy = kpiPolicies[deps.config.POLICY_PROFILE];
  return [kpisRoute(deps, policy), agentsRoute(deps, policy)];
}
