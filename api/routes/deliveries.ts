import { z } from 'zod';
import { OrderId } from '../../domain/case';
import { installerFor } from '../../workflows/installations/intake';
import { partnerSignature } from '../auth/access';
import { type Admission, admitCase } from '../caseAdmission';
import type { ApiDeps } from '../deps';
import { HttpProblem } from '../problem';
import { jsonBody } from '../middleware/jsonBody';
import { caseLogger } from '../middleware/requestLogger';
import { jsonResponse } from '../openapi';
import { defineRoute, type Route } from '../route';
import { CaseId } from '../schemas/caseId';
import { EventId, OccurredAt, PartnerId, SignatureHeaders } from '../schemas/webhooks';
import { lookUp } from '../systemsOfRecord';
import { requireSignature } from '../webhooks/requireSignature';
import { partnerWebhookLimit } from './webhooks';

const DeliveryNotice = z
  .object({ eventId: EventId, type: z.literal('delivered'), orderId: OrderId, occurredAt: OccurredAt })
  .meta({ id: 'DeliveryNotice', description: 'The order system tells that an order reached the customer' });

const DeliveryOffers = z
  .object({
    orderId: OrderId,
    offered: z
      .array(
        z.object({
          sku: z.string(),
          caseId: CaseId.optional().meta({ description: 'The installation offered, or the open one the offer was taken up by; absent when one is already booked' }),
          status: z.string().meta({ description: 'Its status; already_under_way: the customer had asked for it and a visit is booked' }),
        }),
      )
      .meta({ description: 'One installation per product of a category the policy installs; none for an order without one' }),
  })
  .meta({ id: 'DeliveryOffers' });

/**
 * The order system's word that an order arrived (docs/processes/installations.md#offered-on-delivery):
 * each product of a category the installation policy installs is offered to the customer as an
 * installation, opened through intake like any case. The notice names the order only; what was
 * delivered, to whom and when is read back from the order system, not taken from the notice. A
 * redelivered notice offers nothing twice: each offer's key is the order and the product.
 */
export function deliveryRoute(deps: ApiDeps): Route {
  const { config } = deps;
  const limit = partnerWebhookLimit(deps, 'delivery-notice');
  return defineRoute({
    method: 'post',
    path: '/v1/webhooks/orders/:systemId',
    operationId: 'orderDelivered',
    summary: 'The order system reports a delivery (signed): bulky products are offered an installation',
    tags: ['webhooks'],
    headers: SignatureHeaders,
    access: partnerSignature,
    before: [limit, ...jsonBody(requireSignature(deps.webhookSecrets, config.WEBHOOK_TOLERANCE_SECONDS, (req) => `orders:${String(req.params.systemId)}`))],
    params: z.object({ systemId: PartnerId }),
    body: DeliveryNotice,
    responses: { 200: jsonResponse('The installations offered for the delivery', DeliveryOffers) },
    problems: ['invalid-signature', 'order-not-found', 'not-delivered', 'customer-not-found', 'unavailable', 'rate-limited'],
    async handle({ params, body }, req, res) {
      const order = await lookUp('the order system', () => deps.systems.orders.getOrder({ orderId: body.orderId }));
      if (!order) throw new HttpProblem('order-not-found', `the order system has no order ${body.orderId}`, { orderId: body.orderId });
      if (order.deliveredAt === null) throw new HttpProblem('not-delivered', `the order system does not show order ${order.id} delivered`, { orderId: order.id });
      const policy = deps.policies.installations;
      const installable = order.lines.filter((line) => installerFor(line.category, policy) !== undefined);
      const system = `orders:${params.systemId}`;
      const offered = [];
      for (const line of installable) {
        const admitted: Admission | null = await admitCase(deps, {
          // The notice acts for the shop, on the order's own customer; the timeline names the system.
          caller: { principal: { sub: system, role: 'admin' }, reach: 'all' },
          actor: { kind: 'system', id: system },
          body: { type: 'installation', channel: order.channel, customer: { id: order.customerId }, orderId: order.id, item: { sku: line.sku }, offer: true },
          idempotencyKey: `delivery:${order.id}:${line.sku}`,
          requestId: String(req.id),
          log: (caseId) => caseLogger(req, res, caseId),
        }).catch((err: unknown) => {
          // The customer asked first and the visit is booked: the offer joins nothing, and is no error.
          if (err instanceof HttpProblem && err.kind === 'invalid-transition') return null;
          throw err;
        });
        if (!admitted) offered.push({ sku: line.sku, status: 'already_under_way' });
        else offered.push({ sku: line.sku, caseId: admitted.caseId, status: admitted.kind === 'opened' ? admitted.record.status : admitted.status });
      }
      res.json({ orderId: order.id, offered });
    },
  });
}
