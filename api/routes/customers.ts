import { listCases } from '../../db/caseQueries';
import { callerOf, type Caller, tokenAccess } from '../auth/access';
import { withinReach } from '../auth/caseReach';
import { shownTo } from '../caseLookup';
import { customerView } from '../customerView';
import type { ApiDeps } from '../deps';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { CustomerIdParams, CustomerView } from '../schemas/customers';

/**
 * Whether the caller may see this customer at all: a customer themselves, an agent one with a
 * case in their queues (or held by them), supervisors and admins any.
 */
async function reachesCustomer(deps: ApiDeps, caller: Caller, customerId: string): Promise<boolean> {
  switch (caller.reach) {
    case 'all':
      return true;
    case 'own':
      return caller.principal.sub === customerId;
    default: {
      const page = await listCases(deps.pool, withinReach(caller, { customerId, limit: 1 }));
      return page.items.length > 0;
    }
  }
}

function customerRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/customers/:id',
    operationId: 'getCustomer',
    summary:
      'One customer across every channel: profile, segment and tags, advisor, every case, ratings, the last 90 days and the orders (customers read their own)',
    tags: ['customers'],
    access: tokenAccess({ customer: 'own', agent: 'queue', supervisor: 'all', admin: 'all' }),
    params: CustomerIdParams,
    responses: { 200: jsonResponse('The customer', CustomerView) },
    problems: ['customer-not-found', 'unavailable'],
    async handle({ params }, _req, res) {
      const caller = callerOf(res);
      const notFound = () => new HttpProblem('customer-not-found', `no customer ${params.id}`, { customerId: params.id });
      if (!(await reachesCustomer(deps, caller, params.id))) throw notFound();
      const reader = { isCustomer: caller.reach === 'own', masksContact: caller.principal.role === 'agent' };
      const view = await customerView({ ...deps, segments: deps.policies.segments }, params.id, reader, new Date());
      if (!view) throw notFound();
      res.json({ ...view, cases: view.cases.map((record) => shownTo(caller, record)) });
    },
  });
}

export function customerRoutes(deps: ApiDeps): Route[] {
  return [customerRoute(deps)];
}
