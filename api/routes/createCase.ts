import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { CaseRecord, CaseType } from '../../domain';
import { callerOf, staff, tokenAccess } from '../auth/access';
import { type AdmissionRequest, admitCase } from '../caseAdmission';
import type { ApiDeps } from '../deps';
import { admissionLimit } from '../middleware/admission';
import { jsonBody } from '../middleware/jsonBody';
import { perClientLimit } from '../middleware/rateLimit';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { defineRoute, type Route } from '../route';
import { CaseId } from '../schemas/caseId';
import { CreateCaseRequest, IdempotencyHeaders } from '../schemas/cases';

const caseTypeList = CaseType.options.join(', ');

/**
 * Only what the caller knows already (the customer has this matter open) and may act on: staff
 * at a counter whose queues do not hold the open case still add the customer's words to it.
 */
const JoinedCase = z
  .object({
    id: CaseId,
    status: z.string(),
    joined: z.literal(true).meta({ description: 'The request joined this open case instead of opening another' }),
  })
  .meta({ id: 'JoinedCase' });
const JoinedHeaders = z.object({
  Location: z.string().meta({ description: 'The URL of the case joined' }),
  'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Present when the key was seen before' }),
});

const CreatedHeaders = z.object({
  Location: z.string().meta({ description: 'The URL of the case' }),
  'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Present when the key was seen before' }),
});

/** The HTTP answer to what intake made of a request: the case (201), or the open case it joined (200). */
export async function answerIntake(deps: ApiDeps, request: Omit<AdmissionRequest, 'requestId' | 'log'>, req: Request, res: Response): Promise<void> {
  const admitted = await admitCase(deps, { ...request, requestId: String(req.id), log: (caseId) => caseLogger(req, res, caseId) });
  res.status(admitted.kind === 'opened' ? 201 : 200).location(`/v1/cases/${admitted.caseId}`);
  if (admitted.replayed) res.set('Idempotent-Replayed', 'true');
  res.json(admitted.kind === 'opened' ? admitted.record : { id: admitted.caseId, status: admitted.status, joined: true });
}

/** What both intake routes answer: the case opened (or replayed), or the open case the request joined. */
export const intakeResponses = {
  201: jsonResponse('The case, new or replayed', CaseRecord, CreatedHeaders),
  200: jsonResponse('An open case about the same matter, which the request joined (a message on its timeline)', JoinedCase, JoinedHeaders),
};

/** Refusals intake itself may answer, whichever route a request comes by. */
export const intakeProblems = [
  'customer-not-found',
  'order-not-found',
  'not-on-order',
  'idempotency-key-reuse',
  'line-conflict',
  'unavailable',
  'rate-limited',
  'overloaded',
] as const;

/**
 * One budget for opening cases per caller, whichever route opens them: a conversion is an intake.
 * Runs after the access check, so the client is the authenticated caller, wherever they call from.
 */
export function intakeRateLimit(deps: ApiDeps): RequestHandler[] {
  // Shed first: a request turned away for load has not used up the caller's budget.
  const admission = admissionLimit('intake', deps.config.INTAKE_MAX_IN_FLIGHT);
  const perClient = perClientLimit(deps, {
    name: 'intake',
    limit: deps.config.RATE_LIMIT_INTAKE,
    clientOf: (_req, res) => {
      const { principal } = callerOf(res);
      return `${principal.role}:${principal.sub}`;
    },
  });
  return [admission, perClient];
}

export function createCaseRoute(deps: ApiDeps, limit: ReturnType<typeof intakeRateLimit>): Route {
  return defineRoute({
    method: 'post',
    path: '/v1/cases',
    operationId: 'openCase',
    summary: `Open a case: ${caseTypeList} (idempotent per customer and Idempotency-Key)`,
    tags: ['cases'],
    access: tokenAccess({ customer: 'own', ...staff }),
    headers: IdempotencyHeaders,
    body: CreateCaseRequest,
    before: [...limit, ...jsonBody()],
    responses: intakeResponses,
    problems: [...intakeProblems],
    async handle({ headers, body }, req, res) {
      await answerIntake(deps, { caller: callerOf(res), body, idempotencyKey: headers['Idempotency-Key'] }, req, res);
    },
  });
}
