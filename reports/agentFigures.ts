import type { KpiPolicy } from '../config/policies/kpiPolicy';
import type { GroupFacts } from '../db/kpiFacts';
import { toCsv } from './csv';

/**
 * Per-agent figures for supervisors (GET /v1/reports/agents): the KPI report's counts grouped by
 * the case's agent (README, "KPIs"), seen from the agent's side. Flat, so the CSV has the same columns.
 */

export interface AgentFigures {
  agentId: string;
  /** Cases closed in the window that were the agent's. */
  casesHandled: number;
  /** First responses given in the window on the agent's cases. */
  firstResponses: number;
  firstResponseP50Ms: number | null;
  /** Of those, given within the policy's prompt-response time. */
  promptResponses: number;
  promptResponseShare: number | null;
  /** Ratings given in the window on the agent's cases, and the share satisfied. */
  csatAnswers: number;
  csat: number | null;
  /** Service-level clocks breached by the agent's cases closed in the window. */
  breaches: number;
}

export interface AgentReport {
  from: string;
  to: string;
  policyVersion: string;
  promptResponseMs: number;
  agents: AgentFigures[];
}

const agentColumns = [
  'agentId',
  'casesHandled',
  'firstResponses',
  'firstResponseP50Ms',
  'promptResponses',
  'promptResponseShare',
  'csatAnswers',
  'csat',
  'breaches',
] as const satisfies readonly (keyof AgentFigures)[];

const shareOf = (part: number, whole: number) => (whole === 0 ? null : Number((part / whole).toFixed(4)));

function figuresOf(agentId: string, facts: GroupFacts | undefined): AgentFigures {
  const responses = facts?.firstResponses ?? { n: 0, prompt: 0, p50Ms: null };
  const ratings = facts?.ratings ?? { csat: 0, satisfied: 0 };
  return {
    agentId,
    casesHandled: facts?.closed.n ?? 0,
    firstResponses: responses.n,
    firstResponseP50Ms: responses.p50Ms,
    promptResponses: responses.prompt,
    promptResponseShare: shareOf(responses.prompt, responses.n),
    csatAnswers: ratings.csat,
    csat: shareOf(ratings.satisfied, ratings.csat),
    breaches: facts?.closed.breaches ?? 0,
  };
}

/** Every agent on the roster (idle ones with zeros) and every other staff member who had cases in the window. */
export function agentReport(window: { from: string; to: string }, byAgent: GroupFacts[], roster: string[], policy: KpiPolicy): AgentReport {
  const facts = new Map(byAgent.filter((g) => g.key !== null).map((g) => [g.key!, g]));
  const ids = [...new Set([...roster, ...facts.keys()])].sort();
  return {
    ...window,
    policyVersion: policy.version,
    promptResponseMs: policy.promptResponseMs,
    agents: ids.map((id) => figuresOf(id, facts.get(id))),
  };
}

/** One line per agent, the JSON's fields as columns. */
export function agentCsv(report: AgentReport): string {
  return toCsv(agentColumns, report.agents.map((agent) => agentColumns.map((column) => agent[column])));
}
