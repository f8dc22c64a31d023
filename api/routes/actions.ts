import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { RepairAction, ReturnAction, type CaseRecord, type CaseType } from '../../domain';
import { caseActionUpdate } from '../../workflows/lib/messages';
import { actorOf, callerOf, type Reaches, staff, tokenAccess } from '../auth/access';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import {
  ActionHeaders,
  ApproveAction,
  CancelAction,
  DeclineQuoteAction,
  NoPayload,
  NotFixedAction,
  RejectAction,
  RescheduleAction,
  SurveyAction,
} from '../schemas/actions';
import { CaseIdParams } from '../schemas/caseId';
import { StepAck } from '../schemas/cases';

interface ActionSpec {
  body: z.ZodObject;
  summary: string;
  /** Who may take it; the token's subject and role become the actor on the timeline. */
  reaches: Reaches;
}

const customerOrStaff = { customer: 'own', ...staff } as const satisfies Reaches;

const returnActions = {
  approve: { body: ApproveAction, summary: 'An agent approves the return', reaches: staff },
  reject: { body: RejectAction, summary: 'An agent rejects the return', reaches: staff },
  cancel: { body: CancelAction, summary: 'The customer, or staff for them, cancels the case', reaches: customerOrStaff },
  // A rating is the customer's own word: staff cannot give it for them.
  survey: { body: SurveyAction, summary: 'The customer rates the service', reaches: { customer: 'own' } },
} satisfies Record<ReturnAction, ActionSpec>;

const repairActions = {
  fixed: { body: NoPayload, summary: 'The troubleshooting guide fixed the product: the repair closes', reaches: customerOrStaff },
  not_fixed: { body: NotFixedAction, summary: 'The product is still faulty after troubleshooting', reaches: customerOrStaff },
  'approve-quote': { body: NoPayload, summary: "The customer approves the supplier's repair quote", reaches: customerOrStaff },
  'decline-quote': { body: DeclineQuoteAction, summary: 'The customer declines the quote: the item comes back unrepaired', reaches: customerOrStaff },
  confirm: { body: NoPayload, summary: 'The customer confirms the product came back', reaches: customerOrStaff },
  reschedule: { body: RescheduleAction, summary: "The customer moves the technician's visit", reaches: customerOrStaff },
  cancel: returnActions.cancel,
} satisfies Record<RepairAction, ActionSpec>;

/** The actions each case type takes; a type without a process yet takes none. */
const actionsByCaseType: Record<CaseType, readonly string[]> = {
  return: ReturnAction.options,
  exchange: ReturnAction.options,
  repair: RepairAction.options,
  complaint: [],
};

/** An action another case type has is, for this case, as unknown as one no type has. */
function unknownActionFor(record: CaseRecord, action: string): HttpProblem {
  const valid = actionsByCaseType[record.type];
  return new HttpProblem('unknown-action', `no action "${action}" on a ${record.type} case; valid: ${valid.join(', ')}`, {
    validActions: valid,
  });
}

function actionRoute(deps: ApiDeps, name: string, spec: ActionSpec): Route {
  return defineRoute({
    method: 'post',
    path: `/v1/cases/:id/actions/${name}`,
    summary: spec.summary,
    tags: ['actions'],
    access: tokenAccess(spec.reaches),
    params: CaseIdParams,
    headers: ActionHeaders,
    body: spec.body,
    before: jsonBody(),
    responses: { 200: jsonResponse('The case took the action', StepAck) },
    problems: ['case-not-found', 'unknown-action', 'invalid-transition', 'case-closed', 'action-rejected', 'unavailable'],
    async handle({ params, headers, body }, req, res) {
      const log = caseLogger(req, res, params.id);
      const caller = callerOf(res);
      const record = await requireCase(deps.pool, params.id, caller);
      if (!actionsByCaseType[record.type].includes(name)) throw unknownActionFor(record, name);
      const requestId = String(req.id);
      const ack = await updateCase(
        deps.temporal,
        params.id,
        caseActionUpdate,
        { action: name, actor: actorOf(caller), role: caller.principal.role, requestId, payload: body },
        { updateId: `action:${headers['Idempotency-Key'] ?? requestId}`, allowedKey: 'allowedActions' },
      );
      log.info({ action: name, status: ack.status }, 'action applied');
      res.json({ caseId: params.id, status: ack.status });
    },
  });
}

/** One route per action name; cancel, which returns and repairs share, is one route for both. */
export function actionRoutes(deps: ApiDeps): Route[] {
  return Object.entries({ ...returnActions, ...repairActions }).map(([name, spec]) => actionRoute(deps, name, spec));
}

/** Mounted after the action routes: any other action name gets a 404 listing the case's real ones. */
export function unknownAction(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const record = await requireCase(deps.pool, String(req.params.id), callerOf(res));
    throw unknownActionFor(record, String(req.params.action));
  };
}
