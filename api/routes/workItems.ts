import { listAgents } from '../../db/agents';
import { listWorkItems } from '../../db/workItems';
import { callerOf, staff, tokenAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { jsonResponse } from '../openapi';
import { defineRoute, type Route } from '../route';
import { AgentList, WorkItemList, WorkItemsQuery } from '../schemas/workItems';

/** The human steps waiting; an agent is shown their own and the unassigned ones in their queues. */
function workItemsRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/work-items',
    operationId: 'listWorkItems',
    summary:
      'The human steps waiting, most urgent first (earliest due; none due last); agents see theirs and the unassigned ones of their queues',
    tags: ['work queues'],
    access: tokenAccess(staff),
    query: WorkItemsQuery,
    responses: { 200: jsonResponse('The steps waiting', WorkItemList) },
    problems: [],
    async handle({ query }, _req, res) {
      const { principal, reach } = callerOf(res);
      const agent = reach === 'queue' ? { id: principal.sub, queues: principal.queues } : undefined;
      res.json({ items: await listWorkItems(deps.pool, { ...query, agent }) });
    },
  });
}

function agentsRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/agents',
    operationId: 'listAgents',
    summary: 'The agent roster: skills, capacity, availability and the cases each holds now',
    tags: ['work queues'],
    access: tokenAccess({ supervisor: 'all', admin: 'all' }),
    responses: { 200: jsonResponse('Every agent', AgentList) },
    problems: [],
    async handle(_input, _req, res) {
      res.json({ items: await listAgents(deps.pool) });
    },
  });
}

export function workQueueRoutes(deps: ApiDeps): Route[] {
  return [workItemsRoute(deps), agentsRoute(deps)];
}
