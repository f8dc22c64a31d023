import type { Request, Response } from 'express';
import { partnerStepUpdate, type PartnerKind } from '../../workflows/lib/messages';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import type { ProblemKind } from '../problem';
import { defineRoute, type Route } from '../route';
import { StepAck } from '../schemas/cases';
import { CarrierEvent, CarrierParams, SignatureHeaders, WarehouseEvent, WarehouseParams } from '../schemas/webhooks';
import { requireSignature } from '../webhooks/requireSignature';

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
  'invalid-transition',
  'case-closed',
  'action-rejected',
  'unavailable',
];

const stepTaken = { 200: jsonResponse('The case took the step (or had already taken this event)', StepAck) };

export function webhookRoutes(deps: ApiDeps): Route[] {
  const signed = jsonBody(requireSignature(deps.webhookSecret, deps.config.WEBHOOK_TOLERANCE_SECONDS));

  /**
   * The update id is the partner's own event id, scoped to the partner: a redelivered event gets
   * the first delivery's answer from Temporal and changes nothing a second time.
   */
  async function applyStep(
    req: Request,
    res: Response,
    partner: { kind: PartnerKind; id: string },
    event: PartnerEvent,
    data: Record<string, unknown>,
  ): Promise<void> {
    const log = caseLogger(req, res, event.caseId);
    await requireCase(deps.pool, event.caseId);
    const ack = await updateCase(
      deps.temporal,
      event.caseId,
      partnerStepUpdate,
      { eventId: event.eventId, step: event.type, partner, occurredAt: event.occurredAt, data },
      { updateId: `${partner.kind}:${partner.id}:${event.eventId}`, allowedKey: 'allowedSteps' },
    );
    log.info({ partner, eventId: event.eventId, step: event.type, status: ack.status }, 'partner step applied');
    res.json({ caseId: event.caseId, status: ack.status });
  }

  const carrier = defineRoute({
    method: 'post',
    path: '/v1/webhooks/carriers/:carrier',
    summary: 'A carrier reports a parcel picked up or delivered (signed)',
    tags: ['webhooks'],
    params: CarrierParams,
    headers: SignatureHeaders,
    body: CarrierEvent,
    before: signed,
    responses: stepTaken,
    problems: partnerProblems,
    handle: ({ params, body }, req, res) =>
      applyStep(req, res, { kind: 'carrier', id: params.carrier }, body, { trackingNumber: body.trackingNumber }),
  });

  const warehouse = defineRoute({
    method: 'post',
    path: '/v1/webhooks/warehouses/:warehouseId',
    summary: 'A warehouse reports the inspection of a returned parcel (signed)',
    tags: ['webhooks'],
    params: WarehouseParams,
    headers: SignatureHeaders,
    body: WarehouseEvent,
    before: signed,
    responses: stepTaken,
    problems: partnerProblems,
    handle: ({ params, body }, req, res) =>
      applyStep(req, res, { kind: 'warehouse', id: params.warehouseId }, body, { result: body.result, notes: body.notes }),
  });

  return [carrier, warehouse];
}
