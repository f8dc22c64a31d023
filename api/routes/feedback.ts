import { z } from 'zod';
import { Text } from '../../domain/actionPayloads';
import { FeedbackAnswer, type FeedbackState } from '../../domain/feedback';
import { customerOrStaff } from '../../domain/access';
import { feedbackWorkflowId } from '../../workflows/feedback/input';
import { caseActionUpdate } from '../../workflows/lib/messages';
import { callerOf, type Reaches, tokenAccess } from '../auth/access';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { ActionHeaders, FeedbackAck } from '../schemas/actions';
import { CaseIdParams } from '../schemas/caseId';
import { actionRequest, actionUpdateId } from './actions';

/**
 * The customer's answer to a resolved case's survey, and a supervisor's follow-up of a low rating
 * (docs/feedback.md). The survey is a workflow of its own (workflows/feedback), which outlives
 * the case; the case record shows how it stands (details.feedback).
 */

const FollowUpNote = z.object({ note: Text }).meta({ id: 'FollowUpNote' });

/**
 * A survey that has ended (answered, or closed unanswered) no longer takes requests; the record
 * says which, so the answer can tell a second answer from a late one.
 */
function surveyNotOpen(caseId: string, feedback: FeedbackState | undefined): HttpProblem {
  const status = feedback?.status ?? null;
  const why = status === null ? 'has no survey (it is still open, or its outcome is not asked about)' : `has a survey that is ${status}`;
  return new HttpProblem('survey-not-open', `case ${caseId} ${why}`, { caseId, surveyStatus: status });
}

/** One request to the case's survey: the action the survey workflow takes, with the body it needs. */
function surveyRoute(
  deps: ApiDeps,
  spec: { path: string; operationId: string; summary: string; action: string; access: Reaches; body: z.ZodObject },
): Route {
  return defineRoute({
    method: 'post',
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    tags: ['feedback'],
    access: tokenAccess(spec.access),
    params: CaseIdParams,
    headers: ActionHeaders,
    body: spec.body,
    before: jsonBody(),
    responses: { 200: jsonResponse('The survey took it; its status now', FeedbackAck) },
    problems: ['case-not-found', 'survey-not-open', 'invalid-transition', 'unavailable'],
    async handle({ params, headers, body }, req, res) {
      const log = caseLogger(req, res, params.id);
      const caller = callerOf(res);
      const record = await requireCase(deps.pool, params.id, caller);
      const feedback = record.details.feedback as FeedbackState | undefined;
      const request = actionRequest(caller, String(req.id), spec.action, body);
      const ack = await updateCase(deps.temporal, feedbackWorkflowId(params.id), caseActionUpdate, request, {
        updateId: actionUpdateId(spec.action, headers, req),
        allowedKey: 'allowedActions',
      }).catch((err: unknown) => {
        throw err instanceof HttpProblem && err.kind === 'case-closed' ? surveyNotOpen(params.id, feedback) : err;
      });
      log.info({ action: spec.action, status: ack.status }, 'survey took the request');
      res.json({ caseId: params.id, status: ack.status });
    },
  });
}

export function feedbackRoutes(deps: ApiDeps): Route[] {
  return [
    surveyRoute(deps, {
      path: '/v1/cases/:id/feedback',
      operationId: 'giveFeedback',
      summary: "The customer's rating of a resolved case: CSAT 1–5, NPS 0–10, reasons when unhappy (staff may enter it for them)",
      action: 'feedback',
      access: customerOrStaff,
      body: FeedbackAnswer,
    }),
    surveyRoute(deps, {
      path: '/v1/cases/:id/feedback/follow-up',
      operationId: 'closeFeedbackFollowUp',
      summary: 'A supervisor records how a low rating was followed up, which closes its work item',
      action: 'close-follow-up',
      access: { supervisor: 'all', admin: 'all' },
      body: FollowUpNote,
    }),
  ];
}
