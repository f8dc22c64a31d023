import { openEscalation } from '../../domain';
import { caseActionUpdate } from '../../workflows/lib/messages';
import { callerOf, staff, tokenAccess } from '../auth/access';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { NoPayload } from '../../domain/actionPayloads';
import { EscalationAck } from '../schemas/actions';
import { actionRequest, actionRouteBase, actionUpdateId } from './actions';

/**
 * Acknowledges a case's open escalation at the level it has reached, which stops it climbing.
 * The escalation is a workflow of its own (workflows/escalation); the case record names it.
 */
function acknowledgeEscalationRoute(deps: ApiDeps): Route {
  return defineRoute({
    ...actionRouteBase('acknowledge-escalation'),
    summary: "Acknowledge the case's open escalation at its current level: it stops climbing",
    access: tokenAccess(staff),
    body: NoPayload,
    responses: { 200: jsonResponse('The escalation is acknowledged', EscalationAck) },
    problems: ['case-not-found', 'not-found', 'invalid-transition', 'unavailable'],
    async handle({ params, headers }, req, res) {
      const log = caseLogger(req, res, params.id);
      const caller = callerOf(res);
      const record = await requireCase(deps.pool, params.id, caller);
      const escalation = openEscalation(record.details);
      const none = () => new HttpProblem('not-found', `case ${params.id} has no open escalation`, { caseId: params.id });
      if (!escalation) throw none();
      const ack = await updateCase(deps.temporal, escalation.id, caseActionUpdate, actionRequest(caller, String(req.id), 'acknowledge', {}), {
        updateId: actionUpdateId('action', headers, req),
        allowedKey: 'allowedActions',
      }).catch((err: unknown) => {
        // The record trails the escalation by a moment: it may have just ended, unanswered.
        throw err instanceof HttpProblem && err.kind === 'case-closed' ? none() : err;
      });
      log.info({ escalationId: escalation.id, status: ack.status }, 'escalation acknowledged');
      res.json({ caseId: params.id, escalationId: escalation.id, status: ack.status });
    },
  });
}

export function escalationRoutes(deps: ApiDeps): Route[] {
  return [acknowledgeEscalationRoute(deps)];
}
