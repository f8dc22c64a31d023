import { InvalidCursorError } from '../../db/listCursor';
import { customerDataExport, exportCounts } from '../../db/customerExport';
import { listPrivacyRequests, recordPrivacyRequest } from '../../db/privacyRequests';
import { callerOf, tokenAccess } from '../auth/access';
import { eraseCustomerData } from '../customerErasure';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { jsonResponse } from '../openapi';
import { HttpProblem, validationProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { CustomerIdParams } from '../schemas/customers';
import { CustomerDataExport, ErasureAnswer, ErasureRequest, PrivacyRequestList, PrivacyRequestsQuery } from '../schemas/privacy';

/**
 * A customer's rights over their personal data (PIPL; docs/security.md#erasure-and-retention):
 * erasure, by a supervisor or admin, and access, by the customer or staff who may erase; and the
 * audit of both, the admins'.
 */

function erasureRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'post',
    path: '/v1/customers/:id/erasure',
    operationId: 'eraseCustomerData',
    summary:
      "Erases a customer's personal data from every case and store and destroys their data keys, so their Temporal payloads can no longer be read; KPIs stay as they were. Refused while a case of theirs is open or has an escalation or follow-up open; asking again erases nothing more",
    tags: ['customers'],
    access: tokenAccess({ supervisor: 'all', admin: 'all' }),
    params: CustomerIdParams,
    body: ErasureRequest,
    before: jsonBody(),
    responses: { 200: jsonResponse('Erased, and recorded in the audit', ErasureAnswer) },
    problems: ['customer-has-open-cases', 'unavailable'],
    async handle({ params, body }, req, res) {
      const answer = await eraseCustomerData(deps, params.id, body.ground, callerOf(res));
      req.log.info({ customerKeyId: answer.customerKeyId, counts: answer.counts, ground: answer.ground }, 'customer data erased');
      res.json(answer);
    },
  });
}

function exportRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/customers/:id/data',
    operationId: 'exportCustomerData',
    summary: 'Everything the service holds of a customer, as JSON: cases with their timelines, messages sent, ratings (customers read their own); recorded in the audit',
    tags: ['customers'],
    access: tokenAccess({ customer: 'own', supervisor: 'all', admin: 'all' }),
    params: CustomerIdParams,
    responses: { 200: jsonResponse("The customer's data", CustomerDataExport) },
    problems: ['customer-not-found'],
    async handle({ params }, _req, res) {
      const { principal, reach } = callerOf(res);
      // Another customer's answers exactly as a customer that does not exist.
      if (reach === 'own' && principal.sub !== params.id) throw new HttpProblem('customer-not-found', `no customer ${params.id}`, { customerId: params.id });
      const customerKeyId = deps.customerKeys.customerKeyId(params.id);
      const data = await customerDataExport(deps.pool, params.id, new Date());
      // Recorded before anything is handed over. A customer is named as the audit names them everywhere: by customer key id.
      const requester = { role: principal.role, id: reach === 'own' ? customerKeyId : principal.sub };
      await recordPrivacyRequest(deps.pool, { kind: 'export', customerKeyId, ground: null, requester, counts: exportCounts(data) });
      res.json(data);
    },
  });
}

function auditRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/privacy/requests',
    operationId: 'listPrivacyRequests',
    summary: 'The audit of erasures, exports and retention runs, newest first: who, when, about which customer key id, how much',
    tags: ['customers'],
    access: tokenAccess({ admin: 'all' }),
    query: PrivacyRequestsQuery,
    responses: { 200: jsonResponse('A page of the audit', PrivacyRequestList) },
    problems: [],
    async handle({ query }, _req, res) {
      const { customerId, limit, cursor } = query;
      try {
        const customerKeyIds = customerId === undefined ? undefined : deps.customerKeys.customerKeyIds(customerId);
        res.json(await listPrivacyRequests(deps.pool, { limit, cursor, customerKeyIds }));
      } catch (err) {
        if (!(err instanceof InvalidCursorError)) throw err;
        throw validationProblem('query cursor: not a cursor this API issued', [{ in: 'query', path: 'cursor', message: 'not a cursor this API issued' }]);
      }
    },
  });
}

export function privacyRoutes(deps: ApiDeps): Route[] {
  return [erasureRoute(deps), exportRoute(deps), auditRoute(deps)];
}
