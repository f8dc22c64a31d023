import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { ReturnAction, type Actor, type CaseRecord } from '../../domain';
import { caseActionUpdate } from '../../workflows/lib/messages';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { ActionHeaders, ApproveAction, CancelAction, RejectAction, SurveyAction } from '../schemas/actions';
import { CaseIdParams } from '../schemas/caseId';
import { StepAck } from '../schemas/cases';

interface ActionSpec<S extends z.ZodObject> {
  body: S;
  summary: string;
  /** Until authentication exists, agents name themselves and customers act as the case's customer. */
  actor(body: z.output<S>, record: CaseRecord): Actor;
}

const action = <S extends z.ZodObject>(spec: ActionSpec<S>) => spec;
const asCustomer = (_body: unknown, record: CaseRecord): Actor => ({ kind: 'customer', id: record.customerId });

const actions = {
  approve: action({ body: ApproveAction, summary: 'An agent approves the return', actor: (b) => ({ kind: 'agent', id: b.agentId }) }),
  reject: action({ body: RejectAction, summary: 'An agent rejects the return', actor: (b) => ({ kind: 'agent', id: b.agentId }) }),
  cancel: action({ body: CancelAction, summary: 'The customer cancels the case', actor: asCustomer }),
  survey: action({ body: SurveyAction, summary: 'The customer rates the service', actor: asCustomer }),
} satisfies Record<ReturnAction, ActionSpec<z.ZodObject>>;

/** Takes any action's spec: actor() is a method, so each concrete spec fits ActionSpec<z.ZodObject>. */
function actionRoute(deps: ApiDeps, name: ReturnAction, spec: ActionSpec<z.ZodObject>): Route {
  return defineRoute({
    method: 'post',
    path: `/v1/cases/:id/actions/${name}`,
    summary: spec.summary,
    tags: ['actions'],
    params: CaseIdParams,
    headers: ActionHeaders,
    body: spec.body,
    before: jsonBody(),
    responses: { 200: jsonResponse('The case took the action', StepAck) },
    problems: ['case-not-found', 'invalid-transition', 'case-closed', 'action-rejected', 'unavailable'],
    async handle({ params, headers, body }, req, res) {
      const log = caseLogger(req, res, params.id);
      const record = await requireCase(deps.pool, params.id);
      const requestId = String(req.id);
      const ack = await updateCase(
        deps.temporal,
        params.id,
        caseActionUpdate,
        { action: name, actor: spec.actor(body, record), requestId, payload: body },
        { updateId: `action:${headers['Idempotency-Key'] ?? requestId}`, allowedKey: 'allowedActions' },
      );
      log.info({ action: name, status: ack.status }, 'action applied');
      res.json({ caseId: params.id, status: ack.status });
    },
  });
}

export function actionRoutes(deps: ApiDeps): Route[] {
  return ReturnAction.options.map((name) => actionRoute(deps, name, actions[name]));
}

/** Mounted after the action routes: any other action name gets a 404 that lists the real ones. */
export const unknownAction: RequestHandler = (req) => {
  throw new HttpProblem('unknown-action', `no action "${req.params.action}"; valid: ${ReturnAction.options.join(', ')}`, {
    validActions: ReturnAction.options,
  });
};
