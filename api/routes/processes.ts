import { openCaseCounts, type OpenCaseCount } from '../../db/openCaseCounts';
import type { Process } from '../../domain/process';
import { processes } from '../../workflows/registry';
import { staff, tokenAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { jsonResponse } from '../openapi';
import { defineRoute, type Route } from '../route';
import { ProcessList } from '../schemas/processes';

/**
 * The registered processes as staff see them on the console's process map: each one's transition
 * table (statuses, where each may go next, what it allows) from its definition, and how many of
 * its cases sit in each status now.
 */

/** One process with its open cases counted per status; a status nobody sits in counts 0. */
export function processSummary(process: Process, counts: readonly OpenCaseCount[]): ProcessList['processes'][number] {
  const mine = counts.filter((c) => (process.caseTypes as readonly string[]).includes(c.type));
  const inStatus = (status: string) => mine.filter((c) => c.status === status).reduce((sum, c) => sum + c.count, 0);
  const statuses = Object.entries(process.statuses).map(([name, rule]) => ({
    name,
    next: [...rule.next],
    actions: [...rule.actions],
    steps: [...rule.steps],
    openCases: inStatus(name),
  }));
  return {
    name: process.name,
    title: process.title,
    caseTypes: [...process.caseTypes],
    initialStatus: process.initialStatus,
    statuses,
    actions: Object.keys(process.actions),
    outcomes: [...process.outcomes],
    openCases: mine.reduce((sum, c) => sum + c.count, 0),
  } as ProcessList['processes'][number];
}

function listRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/processes',
    operationId: 'listProcesses',
    summary: 'Every registered process: its statuses with where each may go next and what it allows, and its open cases per status now',
    tags: ['processes'],
    access: tokenAccess(staff),
    responses: { 200: jsonResponse('The processes in the order the service registers them', ProcessList) },
    problems: [],
    async handle(_input, _req, res) {
      const counts = await openCaseCounts(deps.pool);
      res.json({ processes: processes.map((p) => processSummary(p, counts)) });
    },
  });
}

export function processRoutes(deps: ApiDeps): Route[] {
  return [listRoute(deps)];
}
