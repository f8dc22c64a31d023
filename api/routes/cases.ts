import { getTimeline, InvalidCursorError, listCases } from '../../db/caseQueries';
import { CaseListFilter } from '../../domain';
import { callerOf, caseReaders, tokenAccess } from '../auth/access';
import { withinReach } from '../auth/caseReach';
import { requireCase, shownTo } from '../caseLookup';
import { queryCaseView } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { validationProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { CaseIdParams } from '../schemas/caseId';
import { CaseList, CaseTimeline, CaseWithLiveView } from '../schemas/cases';

function getCaseRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/cases/:id',
    operationId: 'getCase',
    summary: "One case: the stored record and, when the workflow answers, its live state",
    tags: ['cases'],
    access: tokenAccess(caseReaders),
    params: CaseIdParams,
    responses: { 200: jsonResponse('The case', CaseWithLiveView) },
    problems: ['case-not-found'],
    async handle({ params }, req, res) {
      const log = caseLogger(req, res, params.id);
      const caller = callerOf(res);
      const record = await requireCase(deps.pool, params.id, caller);
      // An erased case's workflow cannot be read any more: its payloads were its customer's.
      const live = record.erasedAt ? null : await queryCaseView(deps.temporal, params.id);
      // A supplier reads the cases it repairs, not the customers behind them; an erased case has no customer any more.
      const links = caller.reach === 'assigned' || record.erasedAt ? {} : { customer: `/v1/customers/${encodeURIComponent(record.customerId)}` };
      if (!live) {
        if (!record.erasedAt) log.warn('live view unavailable; answering from the stored record');
        res.json({ ...record, live: null, links });
        return;
      }
      // The projection trails the workflow by a moment; the workflow's own word is the fresher one.
      res.json({ ...record, status: live.status, outcome: live.outcome, deadlines: live.deadlines, live, links });
    },
  });
}

function timelineRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/cases/:id/timeline',
    operationId: 'getCaseTimeline',
    summary: "A case's events, oldest first",
    tags: ['cases'],
    access: tokenAccess(caseReaders),
    params: CaseIdParams,
    responses: { 200: jsonResponse('The timeline', CaseTimeline) },
    problems: ['case-not-found'],
    async handle({ params }, req, res) {
      caseLogger(req, res, params.id);
      await requireCase(deps.pool, params.id, callerOf(res));
      res.json({ caseId: params.id, events: await getTimeline(deps.pool, params.id) });
    },
  });
}

function listRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/cases',
    operationId: 'listCases',
    summary: 'Search cases, newest first; follow nextCursor for the next page (customers and suppliers see only theirs)',
    tags: ['cases'],
    access: tokenAccess(caseReaders),
    query: CaseListFilter,
    responses: { 200: jsonResponse('A page of cases', CaseList) },
    problems: [],
    async handle({ query }, _req, res) {
      try {
        const caller = callerOf(res);
        const page = await listCases(deps.pool, withinReach(caller, query));
        res.json({ ...page, items: page.items.map((record) => shownTo(caller, record)) });
      } catch (err) {
        if (!(err instanceof InvalidCursorError)) throw err;
        throw validationProblem('query cursor: not a cursor this API issued', [
          { in: 'query', path: 'cursor', message: 'not a cursor this API issued' },
        ]);
      }
    },
  });
}

export function caseReadRoutes(deps: ApiDeps): Route[] {
  return [listRoute(deps), getCaseRoute(deps), timelineRoute(deps)];
}
