import { Router, type Response } from 'express';
import { z } from 'zod';
import { enumValues } from '../../domain/enumValues';
import { InspectionResult, VisitOutcome } from '../../domain/partners';
import type { ParcelStep } from '../../workflows/returns/state';
import type { SupplierStep } from '../../workflows/repairs/state';
import { partnerSteps } from '../../workflows/registry';
import type { Carrier } from '../carrier';
import { newTrackingNumber } from '../ids';
import type { Installers } from '../installers';
import type { OrderSystem } from '../orderSystem';
import type { Suppliers } from '../suppliers';
import {
  type InstallerStep,
  carrierWebhook,
  inspectionWebhook,
  deliveryWebhook,
  installerWebhook,
  supplierWebhook,
  type PartnerWebhook,
} from '../webhookEvents';
import type { WebhookSender } from '../webhookSender';
import { caseId, currency, minorUnits } from './fields';
import { parseOr400 } from './validation';

/**
 * Partner events on demand, sent once and answered with what our API replied, so a test can
 * assert a 409 for an out-of-order step or a 401 for a bad signature (signatureSecret).
 */

const commandFields = {
  caseId,
  eventId: z.string().min(1).max(128).optional(),
  signatureSecret: z.string().min(1).optional(),
};
const CarrierEventCommand = z.object({
  ...commandFields,
  type: z.enum(enumValues(partnerSteps('carrier').keys() as Iterable<ParcelStep>)),
  /** Defaults to the tracking number of the case's current label. */
  trackingNumber: z.string().min(1).optional(),
});
const InspectionCommand = z.object({
  ...commandFields,
  result: InspectionResult,
  notes: z.string().max(500).optional(),
});
const SupplierStepCommand = z.object({
  ...commandFields,
  /** Defaults to the supplier of the case's newest repair order. */
  supplierId: z.string().min(1).max(64).optional(),
  type: z.enum(enumValues(partnerSteps('supplier').keys() as Iterable<SupplierStep>)),
  diagnosis: z.string().max(2000).optional(),
  quote: z.object({ amount: minorUnits, currency }).optional(),
  /** Defaults to a fresh tracking number on shipped_back. */
  trackingNumber: z.string().min(1).optional(),
  outcome: VisitOutcome.optional(),
});

const InstallerStepCommand = z
  .object({
    ...commandFields,
    type: z.enum(enumValues(partnerSteps('installer').keys() as Iterable<InstallerStep>)),
    /** Defaults to the case's newest installation job (and its installer). */
    jobId: z.string().min(1).max(128).optional(),
    installerId: z.string().min(1).max(64).optional(),
    defect: z.string().min(1).max(2000).optional(),
    notes: z.string().max(2000).optional(),
  })
  .refine((command) => command.type !== 'defect_found' || command.defect !== undefined, {
    path: ['defect'],
    message: 'required with defect_found',
  });

const OrderDeliveredCommand = z.object({ orderId: z.string().min(1).max(64), signatureSecret: z.string().min(1).optional() });

export function commandRoutes(deps: { sender: WebhookSender; carrier: Carrier; suppliers: Suppliers; installers: Installers; orders: OrderSystem }): Router {
  const { sender, carrier, suppliers, installers, orders } = deps;
  const router = Router();

  async function sendNow(res: Response, webhook: PartnerWebhook, signatureSecret: string | undefined): Promise<void> {
    if (!sender.hasTarget()) {
      res.status(409).json({ error: 'webhook_target_not_set' });
      return;
    }
    const outcome = await sender.send(webhook, { signatureSecret });
    if (outcome.status === null) res.status(502).json({ error: 'webhook_unreachable', message: outcome.error });
    else res.json({ eventId: webhook.event.eventId, status: outcome.status, body: outcome.body });
  }

  router.post('/sim/commands/carrier-event', async (req, res) => {
    const command = parseOr400(CarrierEventCommand, req.body, res);
    if (!command) return;
    const trackingNumber = command.trackingNumber ?? carrier.currentTrackingNumber(command.caseId);
    if (trackingNumber === undefined) {
      res.status(404).json({ error: 'no_label', message: 'this case has no valid label; pass trackingNumber' });
      return;
    }
    const { caseId, type, eventId } = command;
    await sendNow(res, carrierWebhook({ caseId, type, trackingNumber, eventId }), command.signatureSecret);
  });

  router.post('/sim/commands/inspection', async (req, res) => {
    const command = parseOr400(InspectionCommand, req.body, res);
    if (!command) return;
    const { caseId, result, notes, eventId } = command;
    await sendNow(res, inspectionWebhook({ caseId, result, notes, eventId }), command.signatureSecret);
  });

  router.post('/sim/commands/supplier-step', async (req, res) => {
    const command = parseOr400(SupplierStepCommand, req.body, res);
    if (!command) return;
    const { signatureSecret, supplierId: givenSupplier, trackingNumber, ...event } = command;
    const supplierId = givenSupplier ?? suppliers.latestOrder(command.caseId)?.supplierId;
    if (supplierId === undefined) {
      res.status(404).json({ error: 'no_repair_order', message: 'this case has no repair order; pass supplierId' });
      return;
    }
    const shipment = trackingNumber ?? (event.type === 'shipped_back' ? newTrackingNumber() : undefined);
    await sendNow(res, supplierWebhook(supplierId, { ...event, trackingNumber: shipment }), signatureSecret);
  });

  router.post('/sim/commands/installer-step', async (req, res) => {
    const command = parseOr400(InstallerStepCommand, req.body, res);
    if (!command) return;
    const { signatureSecret, installerId: givenInstaller, jobId: givenJob, ...event } = command;
    const job = installers.latestJob(command.caseId);
    const installerId = givenInstaller ?? job?.installerId;
    const jobId = givenJob ?? job?.jobId;
    if (installerId === undefined || jobId === undefined) {
      res.status(404).json({ error: 'no_installation_job', message: 'this case has no installation job; pass installerId and jobId' });
      return;
    }
    await sendNow(res, installerWebhook(installerId, { ...event, jobId }), signatureSecret);
  });

  /** The order arrives: the order system records it delivered and tells our API (signed). */
  router.post('/sim/commands/order-delivered', async (req, res) => {
    const command = parseOr400(OrderDeliveredCommand, req.body, res);
    if (!command) return;
    if (!orders.markDelivered(command.orderId)) {
      res.status(404).json({ error: 'no_order', message: `the order system has no order ${command.orderId}` });
      return;
    }
    await sendNow(res, deliveryWebhook(command.orderId), command.signatureSecret);
  });

  return router;
}
