import { LinkedCase } from '../../domain/caseDetails';
import { allowedActions } from '../../domain/process';
import { caseActionUpdate } from '../../workflows/lib/messages';
import { processOf } from '../../workflows/registry';
import { callerOf, customerOrStaff, tokenAccess } from '../auth/access';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { CreateCaseRequest, IdempotencyHeaders } from '../schemas/cases';
import { actionRequest } from './actions';
import type { SourceCase } from '../caseAdmission';
import { answerIntake, intakeProblems, type intakeRateLimit, intakeResponses } from './createCase';
import { CaseIdParams, caseIdFor } from '../schemas/caseId';

/**
 * Turns a case into another (docs/processes/inquiries.md#conversion): the new case is opened
 * through the same intake as POST /v1/cases, with every check the systems of record make, and
 * shows the case it came from; the old one records what it became and closes as converted.
 */
export function convertCaseRoute(deps: ApiDeps, limit: ReturnType<typeof intakeRateLimit>): Route {
  return defineRoute({
    method: 'post',
    path: '/v1/cases/:id/conversions',
    operationId: 'convertCase',
    summary: 'Turns a case into another (an inquiry into a return, repair or complaint): opened through intake, linked both ways',
    tags: ['cases'],
    access: tokenAccess(customerOrStaff),
    params: CaseIdParams,
    headers: IdempotencyHeaders,
    body: CreateCaseRequest,
    before: [...limit, ...jsonBody()],
    responses: intakeResponses,
    problems: ['case-not-found', 'not-convertible', 'already-converted', 'invalid-transition', ...intakeProblems],
    async handle({ params, headers, body }, req, res) {
      const caller = callerOf(res);
      const source = await requireCase(deps.pool, params.id, caller);
      const into = processOf(source.type).conversions?.into ?? [];
      if (!into.includes(body.type)) {
        const can = into.length === 0 ? 'it never becomes another case' : `it can become ${into.join(', ')}`;
        throw new HttpProblem('not-convertible', `a ${source.type} case cannot become a ${body.type} case: ${can}`, {
          errors: [{ in: 'body', path: 'type', message: can }],
        });
      }
      if (body.customer.id !== source.customerId) {
        throw new HttpProblem('not-convertible', `case ${source.id} is another customer's`, {
          errors: [{ in: 'body', path: 'customer.id', message: `must be ${source.customerId}, whose case it is` }],
        });
      }
      const idempotencyKey = headers['Idempotency-Key'];
      const target = caseIdFor(body.customer.id, idempotencyKey);
      const earlier = LinkedCase.safeParse(source.details.convertedTo);
      // The same request again finds its case linked already; another conversion of the same case is refused.
      if (earlier.success && earlier.data.caseId !== target) {
        throw new HttpProblem('already-converted', `case ${source.id} already became ${earlier.data.type} case ${earlier.data.caseId}`, {
          convertedTo: earlier.data,
        });
      }
      if (!earlier.success && !allowedActions(processOf(source.type), source.status).includes('converted')) {
        throw new HttpProblem('invalid-transition', `case ${source.id} is ${source.status}: it can no longer become another case`, {
          status: source.status,
        });
      }
      const question = source.details.question;
      const from: SourceCase = {
        context: { caseId: source.id, type: source.type, ...(typeof question === 'string' && { question }) },
        async link(linked) {
          if (earlier.success) return;
          await updateCase(deps.temporal, source.id, caseActionUpdate, actionRequest(caller, String(req.id), 'converted', linked), {
            // One conversion per case: a retry of this request tells it again under the same id.
            updateId: `converted:${source.id}`,
            allowedKey: 'allowedActions',
          });
        },
      };
      await answerIntake(deps, { caller, body, idempotencyKey, from }, req, res);
    },
  });
}
