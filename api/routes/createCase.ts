import { ServiceError } from '@temporalio/client';
import { z } from 'zod';
import { abandonCase, openCase } from '../../db/caseRecords';
import { CaseRecord, type OpenCaseResult } from '../../domain';
import { requireCase } from '../caseLookup';
import { startReturnCase, temporalUnavailable } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { caseLogger } from '../middleware/requestLogger';
import { jsonBody } from '../middleware/jsonBody';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { requestHash } from '../requestHash';
import { defineRoute, type Route } from '../route';
import { caseIdFor } from '../schemas/caseId';
import { CreateCaseRequest, IdempotencyHeaders, SupportedCaseType } from '../schemas/cases';

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

export function createCaseRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'post',
    path: '/v1/cases',
    summary: 'Open a return or exchange case (idempotent per customer and Idempotency-Key)',
    tags: ['cases'],
    headers: IdempotencyHeaders,
    body: CreateCaseRequest,
    before: jsonBody(),
    responses: { 201: jsonResponse('The case, new or replayed', CaseRecord, CreatedHeaders) },
    problems: ['unsupported-case-type', 'idempotency-key-reuse', 'line-conflict', 'unavailable'],
    async handle({ headers, body }, req, res) {
      const idempotencyKey = headers['Idempotency-Key'];
      const caseId = caseIdFor(body.customer.id, idempotencyKey);
      const log = caseLogger(req, res, caseId);
      const type = SupportedCaseType.safeParse(body.type);
      if (!type.success) {
        throw new HttpProblem('unsupported-case-type', `${body.type} cases are not supported yet; open a return or an exchange`);
      }

      const result = await openCase(deps.pool, {
        caseId,
        idempotencyKey,
        requestHash: requestHash(body),
        type: type.data,
        channel: body.channel,
        customerId: body.customer.id,
        customerTier: body.customer.tier,
        orderId: body.order.id,
        lines: body.items.map(({ sku, quantity }) => ({ sku, quantity })),
        priority: 'normal',
        policyVersion: deps.policies.returns.version,
        createdAt: new Date().toISOString(),
        actor: { kind: 'customer', id: body.customer.id },
        details: { reason: body.reason, items: body.items, channel: body.channel },
      });
      const refused = refusal(result, idempotencyKey);
      if (refused) throw refused;

      const record = await requireCase(deps.pool, caseId);
      try {
        // A replay starts the workflow too: the first attempt may have stored the case and died before starting it.
        await startReturnCase(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE, {
          caseId,
          type: type.data,
          channel: body.channel,
          customer: body.customer,
          order: body.order,
          items: body.items,
          reason: body.reason,
          policy: deps.policies.returns,
          requestedAt: record.createdAt,
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
