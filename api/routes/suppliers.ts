import { getSupplierScorecard } from '../../db/supplierScorecard';
import { callerOf, staff, tokenAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { SupplierIdParams, SupplierScorecard } from '../schemas/suppliers';

/** Staff read every supplier's scorecard; a supplier reads its own. */
function scorecardRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/suppliers/:id/scorecard',
    operationId: 'getSupplierScorecard',
    summary: "A repair supplier's scorecard: steps on time and late, mean turnaround per step, unrepairable rate",
    tags: ['suppliers'],
    access: tokenAccess({ supplier: 'assigned', ...staff }),
    params: SupplierIdParams,
    responses: { 200: jsonResponse('The scorecard; all zeros for a supplier without history', SupplierScorecard) },
    problems: [],
    async handle({ params }, _req, res) {
      const { principal } = callerOf(res);
      if (principal.role === 'supplier' && principal.sub !== params.id) {
        throw new HttpProblem('forbidden', 'a supplier reads its own scorecard only');
      }
      res.json(await getSupplierScorecard(deps.pool, params.id));
    },
  });
}

export function supplierRoutes(deps: ApiDeps): Route[] {
  return [scorecardRoute(deps)];
}
