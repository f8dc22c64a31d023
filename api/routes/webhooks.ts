import type { Request, Response } from 'express';
import type { CaseRecord } from '../../domain';
import { partnerStepUpdate, type PartnerKind } from '../../workflows/lib/messages';
import { requireCase } from '../caseLookup';
import { updateCase } from '../caseWorkflows';
import type { ApiDeps } from '../deps';
import { partnerSignature } from '../auth/access';
import { jsonBody } from '../middleware/jsonBody';
import { clientAddress, perClientLimit } from '../middleware/rateLimit';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { HttpProblem, type ProblemKind } from '../problem';
import { defineRoute, type Route } from '../route';
import { StepAck } from '../schemas/cases';
import {
  CarrierEvent,
  CarrierParams,
  SignatureHeaders,
  SupplierEvent,
  SupplierParams,
  WarehouseEvent,
  WarehouseParams,
} from '../schemas/webhooks';
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
  'rate-limited',
];

const stepTaken = { 200: jsonResponse('The case took the step (or had already taken this event)', StepAck) };

export function webhookRoutes(deps: ApiDeps): Route[] {
  const { config } = deps;
  const partnerOf = (kind: PartnerKind, param: string) => (req: Request) => `${kind}:${String(req.params[param])}`;
  // Counted per partner and address before the signature is checked, so a flood of forgeries is
  // cut off cheaply and cannot use up a genuine partner's budget from elsewhere.
  const limit = perClientLimit({
    name: 'webhook',
    limit: config.RATE_LIMIT_WEBHOOKS,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    clientOf: (req) => `${req.path}@${clientAddress(req)}`,
  });

  /**
   * What every partner's webhook route shares: signed by that partner (only its secrets verify),
   * answered with the case's new status or a problem.
   */
  const partnerWebhook = (kind: PartnerKind, param: string) => ({
    method: 'post' as const,
    tags: ['webhooks'],
    headers: SignatureHeaders,
    access: partnerSignature,
    before: [limit, ...jsonBody(requireSignature(deps.webhookSecrets, config.WEBHOOK_TOLERANCE_SECONDS, partnerOf(kind, param)))],
    responses: stepTaken,
    problems: partnerProblems,
  });

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
    /** For partners the case record names (a repair's supplier): whether this one is the case's. */
    assigned?: (record: CaseRecord) => boolean,
  ): Promise<void> {
    const log = caseLogger(req, res, event.caseId);
    // Whether this partner belongs to the case is the workflow's to judge (a tracking number, an
    // assignment). A partner the case record names is also refused here, before the workflow is
    // asked, so it learns nothing of the state of a case that is not its own.
    const record = await requireCase(deps.pool, event.caseId, 'partner');
    if (assigned && !assigned(record)) {
      throw new HttpProblem('unknown-partner', `case ${event.caseId} is not assigned to ${partner.kind} ${partner.id}`, {
        caseId: event.caseId,
      });
    }
    const requestId = String(req.id);
    const ack = await updateCase(
      deps.temporal,
      event.caseId,
      partnerStepUpdate,
      { eventId: event.eventId, step: event.type, partner, occurredAt: event.occurredAt, requestId, data },
      { updateId: `${partner.kind}:${partner.id}:${event.eventId}`, allowedKey: 'allowedSteps' },
    );
    log.info({ partner, eventId: event.eventId, step: event.type, status: ack.status }, 'partner step applied');
    res.json({ caseId: event.caseId, status: ack.status });
  }

  const carrier = defineRoute({
    ...partnerWebhook('carrier', 'carrier'),
    path: '/v1/webhooks/carriers/:carrier',
    summary: 'A carrier reports a parcel picked up or delivered (signed)',
    params: CarrierParams,
    body: CarrierEvent,
    handle: ({ params, body }, req, res) =>
      applyStep(req, res, { kind: 'carrier', id: params.carrier }, body, { trackingNumber: body.trackingNumber }),
  });

  const warehouse = defineRoute({
    ...partnerWebhook('warehouse', 'warehouseId'),
    path: '/v1/webhooks/warehouses/:warehouseId',
    summary: 'A warehouse reports the inspection of a returned parcel (signed)',
    params: WarehouseParams,
    body: WarehouseEvent,
    handle: ({ params, body }, req, res) =>
      applyStep(req, res, { kind: 'warehouse', id: params.warehouseId }, body, { result: body.result, notes: body.notes }),
  });

  const supplier = defineRoute({
    ...partnerWebhook('supplier', 'supplierId'),
    path: '/v1/webhooks/suppliers/:supplierId',
    summary: 'A repair supplier reports a step: received, diagnosed (out of warranty with a quote), repaired, unrepairable, visit completed, shipped back (signed)',
    params: SupplierParams,
    body: SupplierEvent,
    handle: ({ params, body }, req, res) => {
      const { diagnosis, quote, trackingNumber, outcome } = body;
      const partner = { kind: 'supplier' as const, id: params.supplierId };
      // The workflow records its supplier on the case once the repair order is placed; until then
      // the record names none and the workflow, which is ahead of the record, judges alone.
      const assigned = (record: CaseRecord) =>
        record.type === 'repair' && (record.details.supplierId ?? partner.id) === partner.id;
      return applyStep(req, res, partner, body, { diagnosis, quote, trackingNumber, outcome }, assigned);
    },
  });

  return [carrier, warehouse, supplier];
}