import { ServiceError } from '@temporalio/client';
import { z } from 'zod';
import { abandonCase, openCase } from '../../db/caseRecords';
import { CaseRecord, CaseType, type OpenCaseResult } from '../../domain';
import { actorOf, callerOf, type Caller, staff, tokenAccess } from '../auth/access';
import { requireCase } from '../caseLookup';
import { intakeFor } from '../caseIntake';
import { startCaseWorkflow, temporalUnavailable } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { caseLogger } from '../middleware/requestLogger';
import { jsonBody } from '../middleware/jsonBody';
import { perClientLimit } from '../middleware/rateLimit';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { requestHash } from '../requestHash';
import { defineRoute, type Route } from '../route';
import { caseIdFor } from '../schemas/caseId';
import { CreateCaseRequest, IdempotencyHeaders } from '../schemas/cases';

const caseTypeList = CaseType.options.join(', ');

const CreatedHeaders = z.object({
  Location: z.string().meta({ description: 'The URL of the case' }),
  'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Present when the key was seen before' }),
});

/** Outcomes of intake that are the client's to fix; created and replayed carry on to the workflow. */
function refusal(result: OpenCaseResult, idempotencyKey: string): HttpProblem | undefined {
  switch (result.kind) {
    case 'idempotency_mismatch':
      return new HttpProblem(
        'idempotency-key-reuse',
        `Idempotency-Key "${idempotencyKey}" was already used with a different request body`,
      );
    case 'line_conflict':
      return new HttpProblem('line-conflict', `order line ${result.sku} already has open case ${result.caseId}`, {
        caseId: result.caseId,
        sku: result.sku,
      });
    default:
      return undefined;
  }
}

/** Customers open cases for themselves; staff open them for any customer (phone, store). */
function checkOnBehalf(caller: Caller, customerId: string): void {
  if (caller.reach === 'own' && customerId !== caller.principal.sub) {
    throw new HttpProblem('forbidden', 'a customer opens cases for themselves only: customer.id must be your own id');
  }
}

export function createCaseRoute(deps: ApiDeps): Route {
  const limit = perClientLimit({
    name: 'intake',
    limit: deps.config.RATE_LIMIT_INTAKE,
    windowSeconds: deps.config.RATE_LIMIT_WINDOW_SECONDS,
    // Runs after the access check, so the client is the authenticated caller, wherever they call from.
    clientOf: (_req, res) => {
      const { principal } = callerOf(res);
      return `${principal.role}:${principal.sub}`;
    },
  });
  return defineRoute({
    method: 'post',
    path: '/v1/cases',
    operationId: 'openCase',
    summary: `Open a case: ${caseTypeList} (idempotent per customer and Idempotency-Key)`,
    tags: ['cases'],
    access: tokenAccess({ customer: 'own', ...staff }),
    headers: IdempotencyHeaders,
    body: CreateCaseRequest,
    before: [limit, ...jsonBody()],
    responses: { 201: jsonResponse('The case, new or replayed', CaseRecord, CreatedHeaders) },
    problems: ['idempotency-key-reuse', 'line-conflict', 'unavailable', 'rate-limited'],
    async handle({ headers, body }, req, res) {
      const caller = callerOf(res);
      checkOnBehalf(caller, body.customer.id);
      const idempotencyKey = headers['Idempotency-Key'];
      const caseId = caseIdFor(body.customer.id, idempotencyKey);
      const log = caseLogger(req, res, caseId);
      const { process, opening } = intakeFor(body, deps.policies);

      const result = await openCase(deps.pool, {
        caseId,
        idempotencyKey,
        requestHash: requestHash(body),
        type: opening.type,
        status: process.initialStatus,
        channel: body.channel,
        customerId: body.customer.id,
        customerTier: body.customer.tier,
        orderId: opening.orderId,
        lines: opening.lines,
        priority: 'normal',
        policyVersion: opening.policyVersion,
        createdAt: new Date().toISOString(),
        actor: actorOf(caller),
        audit: { requestId: String(req.id), role: caller.principal.role },
        details: opening.details,
      });
      const refused = refusal(result, idempotencyKey);
      if (refused) throw refused;

      const record = await requireCase(deps.pool, caseId, caller);
      try {
        // A replay starts the workflow too: the first attempt may have stored the case and died before starting it.
        await startCaseWorkflow(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE, {
          workflowType: process.workflowType,
          caseId,
          input: opening.workflowInput(caseId, record.createdAt),
        });
      } catch (err) {
        log.error({ err, intake: result.kind }, 'could not start the case workflow');
        // A new case without a workflow would never move: withdraw it so the client's retry starts afresh.
        if (result.kind === 'created') await abandonCase(deps.pool, caseId);
        if (err instanceof ServiceError) throw temporalUnavailable('the workflow engine is unreachable; retry with the same Idempotency-Key');
        throw err;
      }

      log.info({ intake: result.kind }, result.kind === 'created' ? 'case opened' : 'case request replayed');
      res.status(201).location(`/v1/cases/${caseId}`);
      if (result.kind === 'replayed') res.set('Idempotent-Replayed', 'true');
      res.json(record);
    },
  });
}
