import type { Request, Response } from 'express';
import type { CaseRecord } from '../../domain';
import { type PartnerChannel, type PartnerKind, partnerChannels } from '../../domain/partners';
import { partnerStepUpdate } from '../../workflows/lib/messages';
import { assignedPartner, stepAhead } from '../../domain/process';
import { partnerSteps, processOf } from '../../workflows/registry';
import { partnerSignature } from '../auth/access';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { clientAddress, perClientLimit } from '../middleware/rateLimit';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { operationIdFor } from '../operationId';
import { HttpProblem, type ProblemKind } from '../problem';
import { defineRoute, type Route } from '../route';
import { StepAck } from '../schemas/cases';
import { partnerEvent, partnerKindsInUse, partnerParams, SignatureHeaders } from '../schemas/webhooks';
import { holdEventId } from '../webhooks/eventIds';
import { refuseEventAhead } from '../webhooks/eventTime';
import { requireSignature } from '../webhooks/requireSignature';
import { releasePartnerEvent } from '../../db/partnerEvents';

interface PartnerEvent {
  eventId: string;
  type: string;
  caseId: string;
  occurredAt: string;
}

const partnerProblems: ProblemKind[] = [
  'invalid-signature',
  'case-not-found',
  'unknown-partner',
  'event-in-future',
  'event-id-reuse',
  'invalid-transition',
  'step-early',
  'case-closed',
  'action-rejected',
  'unavailable',
  'rate-limited',
];

const stepTaken = { 200: jsonResponse('The case took the step (or had already taken this event)', StepAck) };

/**
 * Whether this partner may report on the case at all, judged from the record before the workflow
 * is asked, so a partner learns nothing of the state of a case that is not its own: the case's
 * process must take steps from its kind, and the partner of that kind the record names (a
 * repair's supplier, the carrier a return's label was issued to, the warehouse it is routed to)
 * must be this one. Until the workflow has recorded its partner, the record names none and the
 * workflow, which is ahead of the record, judges alone.
 */
function reportsOn(record: CaseRecord, partner: { kind: PartnerKind; id: string }): boolean {
  const process = processOf(record.type);
  const takesKind = Object.values(process.steps).some((step) => step.partner === partner.kind);
  return takesKind && (assignedPartner(process, partner.kind, record.details) ?? partner.id) === partner.id;
}

/** Seconds a partner waits before it reports an early step again; the work before it is in flight. */
const EARLY_RETRY_AFTER_S = 5;

/**
 * A step the case will expect once it gets there (a parcel scanned before the case recorded the
 * label, say after a worker restart) is answered "retry later", so a partner that retries on 5xx
 * delivers it then; a step the case is past or will never take stays a 409.
 */
function early(err: unknown, record: CaseRecord, event: PartnerEvent): HttpProblem | undefined {
  if (!(err instanceof HttpProblem) || err.kind !== 'invalid-transition') return undefined;
  const status = err.extensions.currentStatus;
  if (typeof status !== 'string' || !stepAhead(processOf(record.type), status, event.type)) return undefined;
  return new HttpProblem(
    'step-early',
    `case ${event.caseId} is ${status} and takes "${event.type}" later; send the event again`,
    { caseId: event.caseId, currentStatus: status },
    EARLY_RETRY_AFTER_S,
  );
}

/**
 * Partners' webhooks are counted per partner URL and address before the signature is checked, so a
 * flood of forgeries is cut off cheaply and cannot use up a genuine partner's budget from elsewhere.
 */
export function partnerWebhookLimit(deps: ApiDeps, name: string) {
  return perClientLimit(deps, {
    name,
    limit: deps.config.RATE_LIMIT_WEBHOOKS,
    clientOf: (req) => `${req.path}@${clientAddress(req)}`,
  });
}

export function webhookRoutes(deps: ApiDeps): Route[] {
  const { config } = deps;
  const limit = partnerWebhookLimit(deps, 'webhook');

  /**
   * The update id is the partner's own event id, scoped to the partner: a redelivered event gets
   * the first delivery's answer from Temporal and changes nothing a second time. `body` is the
   * whole event as validated, which its id is held to.
   */
  async function applyStep(
    req: Request,
    res: Response,
    partner: { kind: PartnerKind; id: string },
    event: PartnerEvent,
    data: Record<string, unknown>,
    body: unknown,
  ): Promise<void> {
    const log = caseLogger(req, res, event.caseId);
    refuseEventAhead(event.occurredAt, config.WEBHOOK_TOLERANCE_SECONDS);
    const record = await requireCase(deps.pool, event.caseId, 'partner');
    if (!reportsOn(record, partner)) {
      throw new HttpProblem('unknown-partner', `case ${event.caseId} is not assigned to ${partner.kind} ${partner.id}`, {
        caseId: event.caseId,
      });
    }
    const { eventId, caseId, type: step, occurredAt } = event;
    const claim = await holdEventId(deps.pool, { partner, eventId, caseId, step, occurredAt }, body);
    const requestId = String(req.id);
    const ack = await updateCase(
      deps.temporal,
      event.caseId,
      partnerStepUpdate,
      { eventId, step, partner, occurredAt, requestId, data },
      { updateId: `${partner.kind}:${partner.id}:${eventId}`, allowedKey: 'allowedSteps' },
    ).catch(async (err: unknown) => {
      // The workflow, ahead of the record, found the case not the partner's: the id was never used on anything of theirs.
      if (claim.first && err instanceof HttpProblem && err.kind === 'unknown-partner') await releasePartnerEvent(deps.pool, claim);
      throw early(err, record, event) ?? err;
    });
    log.info({ partner, eventId: event.eventId, step: event.type, status: ack.status }, 'partner step applied');
    res.json({ caseId: event.caseId, status: ack.status });
  }

  /** One webhook per partner kind the registered processes take steps from, signed by that partner. */
  function partnerWebhook(kind: PartnerKind): Route {
    const channel: PartnerChannel = partnerChannels[kind];
    const dataFields = Object.keys(channel.data.shape);
    const partnerOf = (req: Request) => `${kind}:${String(req.params[channel.param])}`;
    return defineRoute({
      method: 'post',
      path: `/v1/webhooks/${channel.collection}/:${channel.param}`,
      operationId: operationIdFor('partnerStep', kind),
      summary: `${channel.summary}: ${[...partnerSteps(kind).keys()].join(', ')}`,
      tags: ['webhooks'],
      headers: SignatureHeaders,
      access: partnerSignature,
      before: [limit, ...jsonBody(requireSignature(deps.webhookSecrets, config.WEBHOOK_TOLERANCE_SECONDS, partnerOf))],
      params: partnerParams(kind),
      body: partnerEvent(kind),
      responses: stepTaken,
      problems: partnerProblems,
      handle: ({ params, body }, req, res) => {
        const fields: Record<string, unknown> = body;
        const data = Object.fromEntries(dataFields.map((field) => [field, fields[field]]));
        const { eventId, type, caseId, occurredAt } = body;
        return applyStep(req, res, { kind, id: String(params[channel.param]) }, { eventId, type, caseId, occurredAt }, data, body);
      },
    });
  }

  return partnerKindsInUse().map(partnerWebhook);
}
