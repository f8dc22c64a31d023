import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import type { CaseRecord, CaseType, ComplaintAction, RepairAction, ReturnAction } from '../../domain';
import { caseActionUpdate } from '../../workflows/lib/messages';
import { actorOf, callerOf, type Caller, type Reaches, staff, tokenAccess } from '../auth/access';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import {
  AcknowledgeAction,
  ActionHeaders,
  ApproveAction,
  CancelAction,
  DeclineQuoteAction,
  EscalateAction,
  MessageAction,
  NoPayload,
  NotFixedAction,
  ProposeSolutionAction,
  ReassignAction,
  RejectAction,
  RequestInfoAction,
  RescheduleAction,
  SurveyAction,
  VerdictAction,
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
/** The customer's own word: staff cannot give it for them. */
const customerOnly = { customer: 'own' } as const satisfies Reaches;

const returnActions = {
  approve: { body: ApproveAction, summary: 'An agent approves the return', reaches: staff },
  reject: { body: RejectAction, summary: 'An agent rejects the return', reaches: staff },
  cancel: { body: CancelAction, summary: 'The customer, or staff for them, cancels the case', reaches: customerOrStaff },
  survey: { body: SurveyAction, summary: 'The customer rates the service', reaches: customerOnly },
} satisfies Record<ReturnAction, ActionSpec>;

/** Staff act for a customer at the store counter or on the phone, so they may decide here too. */
const repairActions = {
  fixed: { body: NoPayload, summary: 'The troubleshooting guide fixed the product: the repair closes', reaches: customerOrStaff },
  not_fixed: { body: NotFixedAction, summary: 'The product is still faulty after troubleshooting', reaches: customerOrStaff },
  'approve-quote': { body: NoPayload, summary: "The customer approves the supplier's repair quote", reaches: customerOrStaff },
  'decline-quote': { body: DeclineQuoteAction, summary: 'The customer declines the quote: the item comes back unrepaired', reaches: customerOrStaff },
  confirm: { body: VerdictAction, summary: 'The customer confirms the product came back', reaches: customerOrStaff },
  reschedule: { body: RescheduleAction, summary: "The customer moves the technician's visit", reaches: customerOrStaff },
  cancel: returnActions.cancel,
} satisfies Record<RepairAction, ActionSpec>;

const complaintActions = {
  acknowledge: { body: AcknowledgeAction, summary: 'The agent takes up the complaint: its first response', reaches: staff },
  'request-info': {
    body: RequestInfoAction,
    summary: 'The agent asks the customer a question; the solution clock waits for the answer (a message)',
    reaches: staff,
  },
  message: { body: MessageAction, summary: 'The customer or staff add a message to the complaint', reaches: customerOrStaff },
  'propose-solution': {
    body: ProposeSolutionAction,
    summary: 'The agent proposes a solution; the customer has the verification window to confirm or reopen',
    reaches: staff,
  },
  confirm: {
    body: VerdictAction,
    summary: "The customer accepts the complaint's solution: it closes (the customer only)",
    reaches: customerOnly,
  },
  reopen: { body: VerdictAction, summary: 'The customer is not satisfied with the solution: the complaint reopens', reaches: customerOnly },
  reassign: { body: ReassignAction, summary: 'Staff give the complaint to another agent, named or picked by routing', reaches: staff },
  escalate: {
    body: EscalateAction,
    summary: 'The customer or staff escalate the complaint: team lead, then supervisor, then management',
    reaches: customerOrStaff,
  },
} satisfies Record<ComplaintAction, ActionSpec>;

/** The actions each case type takes. */
const actionsByCaseType: Record<CaseType, Record<string, ActionSpec>> = {
  return: returnActions,
  exchange: returnActions,
  repair: repairActions,
  complaint: complaintActions,
};

/** An action another case type has is, for this case, as unknown as one no type has. */
function unknownActionFor(record: CaseRecord, action: string): HttpProblem {
  const valid = Object.keys(actionsByCaseType[record.type]);
  return new HttpProblem('unknown-action', `no action "${action}" on a ${record.type} case; valid: ${valid.join(', ')}`, {
    validActions: valid,
  });
}

/** What every POST /v1/cases/:id/actions/<name> route shares. */
export function actionRouteBase(name: string) {
  return {
    method: 'post' as const,
    path: `/v1/cases/:id/actions/${name}`,
    tags: ['actions'],
    params: CaseIdParams,
    headers: ActionHeaders,
    before: jsonBody(),
  };
}

/** A repeated Idempotency-Key is the same update, so the workflow answers it once. */
export function actionUpdateId(headers: { 'Idempotency-Key'?: string }, req: Request): string {
  return `action:${headers['Idempotency-Key'] ?? String(req.id)}`;
}

/** The workflow hears of the action with the caller as its actor. */
export function actionRequest(caller: Caller, req: Request, action: string, payload: Record<string, unknown>) {
  return { action, actor: actorOf(caller), role: caller.principal.role, requestId: String(req.id), payload };
}

/**
 * One route for an action name, whichever case types take it: its rule admits every role that
 * may take it on some type, and the case's own type then decides (confirm is the customer's alone
 * on a complaint, staff may confirm a repair for the customer).
 */
function actionRoute(deps: ApiDeps, name: string, specs: Map<ActionSpec, CaseType[]>): Route {
  const [first, ...others] = specs.keys();
  // A route validates one body, so every type taking the action must take the same one.
  if (others.some((spec) => spec.body !== first!.body)) throw new Error(`action ${name} has different bodies per case type`);
  const summary =
    others.length === 0 ? first!.summary : [...specs].map(([spec, types]) => `${types.join('/')}: ${spec.summary}`).join(' · ');
  return defineRoute({
    ...actionRouteBase(name),
    summary,
    access: tokenAccess(Object.assign({}, ...[...specs.keys()].map((spec) => spec.reaches)) as Reaches),
    body: first!.body,
    responses: { 200: jsonResponse('The case took the action', StepAck) },
    problems: ['case-not-found', 'unknown-action', 'invalid-transition', 'case-closed', 'action-rejected', 'unavailable'],
    async handle({ params, headers, body }, req, res) {
      const log = caseLogger(req, res, params.id);
      const caller = callerOf(res);
      const record = await requireCase(deps.pool, params.id, caller);
      const spec = actionsByCaseType[record.type][name];
      if (!spec) throw unknownActionFor(record, name);
      if (!spec.reaches[caller.principal.role]) {
        throw new HttpProblem('forbidden', `role ${caller.principal.role} may not ${name} a ${record.type} case`);
      }
      const ack = await updateCase(deps.temporal, params.id, caseActionUpdate, actionRequest(caller, req, name, body), {
        updateId: actionUpdateId(headers, req),
        allowedKey: 'allowedActions',
      });
      log.info({ action: name, status: ack.status }, 'action applied');
      res.json({ caseId: params.id, status: ack.status });
    },
  });
}

/** One route per action name, with the case types that take it under each distinct spec. */
export function actionRoutes(deps: ApiDeps): Route[] {
  const byName = new Map<string, Map<ActionSpec, CaseType[]>>();
  for (const [type, actions] of Object.entries(actionsByCaseType) as [CaseType, Record<string, ActionSpec>][]) {
    for (const [name, spec] of Object.entries(actions)) {
      const specs = byName.get(name) ?? new Map<ActionSpec, CaseType[]>();
      specs.set(spec, [...(specs.get(spec) ?? []), type]);
      byName.set(name, specs);
    }
  }
  return [...byName].map(([name, specs]) => actionRoute(deps, name, specs));
}

/** Mounted after the action routes: any other action name gets a 404 listing the case's real ones. */
export function unknownAction(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const record = await requireCase(deps.pool, String(req.params.id), callerOf(res));
    throw unknownActionFor(record, String(req.params.action));
  };
}
