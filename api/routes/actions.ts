import type { Request, RequestHandler } from 'express';
import type { CaseRecord } from '../../domain';
import type { ActionSpec } from '../../domain/process';
import { caseActionUpdate } from '../../workflows/lib/messages';
import { processes, processOf } from '../../workflows/registry';
import { actorOf, callerOf, type Caller, type Reaches, tokenAccess } from '../auth/access';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { operationIdFor } from '../operationId';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { ActionHeaders } from '../schemas/actions';
import { CaseIdParams } from '../schemas/caseId';
import { StepAck } from '../schemas/cases';

/** An action another case type has is, for this case, as unknown as one no type has. */
function unknownActionFor(record: CaseRecord, action: string): HttpProblem {
  const valid = Object.keys(processOf(record.type).actions);
  return new HttpProblem('unknown-action', `no action "${action}" on a ${record.type} case; valid: ${valid.join(', ')}`, {
    validActions: valid,
  });
}

/** What every POST /v1/cases/:id/actions/<name> route shares. */
export function actionRouteBase(name: string) {
  return {
    method: 'post' as const,
    path: `/v1/cases/:id/actions/${name}`,
    operationId: operationIdFor('caseAction', name),
    tags: ['actions'],
    params: CaseIdParams,
    headers: ActionHeaders,
    before: jsonBody(),
  };
}

/** A repeated Idempotency-Key is the same update, so the workflow answers it once. */
export function actionUpdateId(name: string, headers: { 'Idempotency-Key'?: string }, req: Request): string {
  return `${name}:${headers['Idempotency-Key'] ?? String(req.id)}`;
}

/** The workflow hears of the action with the caller as its actor. */
export function actionRequest(caller: Caller, requestId: string, action: string, payload: Record<string, unknown>) {
  return { action, actor: actorOf(caller), role: caller.principal.role, requestId, payload };
}

/**
 * One route for an action name, whichever processes take it: its rule admits every role that may
 * take it on some case type, and the case's own process then decides (confirm is the customer's
 * alone on a complaint, staff may confirm a repair for the customer).
 */
function actionRoute(deps: ApiDeps, name: string, specs: Map<ActionSpec, string[]>): Route {
  const [first, ...others] = specs.keys();
  // A route validates one body, so every process taking the action must take the same one.
  if (others.some((spec) => spec.payload !== first!.payload)) throw new Error(`action ${name} has different bodies per process`);
  const summary =
    others.length === 0 ? first!.summary : [...specs].map(([spec, types]) => `${types.join('/')}: ${spec.summary}`).join(' · ');
  return defineRoute({
    ...actionRouteBase(name),
    summary,
    access: tokenAccess(Object.assign({}, ...[...specs.keys()].map((spec) => spec.reaches)) as Reaches),
    body: first!.payload,
    responses: { 200: jsonResponse('The case took the action', StepAck) },
    problems: ['case-not-found', 'unknown-action', 'invalid-transition', 'case-closed', 'action-rejected', 'unavailable'],
    async handle({ params, headers, body }, req, res) {
      const log = caseLogger(req, res, params.id);
      const caller = callerOf(res);
      const record = await requireCase(deps.pool, params.id, caller);
      const spec = processOf(record.type).actions[name];
      if (!spec) throw unknownActionFor(record, name);
      if (!spec.reaches[caller.principal.role]) {
        throw new HttpProblem('forbidden', `role ${caller.principal.role} may not ${name} a ${record.type} case`);
      }
      const ack = await updateCase(deps.temporal, params.id, caseActionUpdate, actionRequest(caller, String(req.id), name, body), {
        updateId: actionUpdateId('action', headers, req),
        allowedKey: 'allowedActions',
      });
      log.info({ action: name, status: ack.status }, 'action applied');
      res.json({ caseId: params.id, status: ack.status });
    },
  });
}

/** One route per action name of the registered processes, with the case types under each distinct spec. */
export function actionRoutes(deps: ApiDeps): Route[] {
  const byName = new Map<string, Map<ActionSpec, string[]>>();
  for (const process of processes) {
    for (const [name, spec] of Object.entries<ActionSpec>(process.actions)) {
      // An action no role takes is sent by the API itself (an inquiry's `converted`): no route for it.
      if (Object.keys(spec.reaches).length === 0) continue;
      const specs = byName.get(name) ?? new Map<ActionSpec, string[]>();
      specs.set(spec, [...(specs.get(spec) ?? []), ...process.caseTypes]);
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
