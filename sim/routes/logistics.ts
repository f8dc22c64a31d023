import { Router } from 'express';
import { z } from 'zod';
import type { Carrier } from '../carrier';
import type { LabelRecord } from '../ledger';
import { CaseRef, caseId, customerId, notFound, quantity, sku } from './fields';
import { partnerWrite, type PartnerWriteDeps } from './partnerWrite';

/** The carrier's API: return labels for the customer's parcel and replacement shipments to the customer. */

const LabelRequest = z.object({ caseId, customerId, items: z.array(z.object({ sku, quantity })).min(1) });
const ShipmentRequest = z.object({ caseId, customerId, reservationId: z.string().min(1), sku, quantity });

export interface LogisticsDeps extends PartnerWriteDeps {
  carrier: Carrier;
  onLabelCreated: (label: LabelRecord) => void;
  onLabelVoided: (labelId: string) => void;
}

export function logisticsRoutes(deps: LogisticsDeps): Router {
  const { carrier } = deps;
  const router = Router();

  router.post(
    '/logistics/return-labels',
    partnerWrite(deps, 'logistics.label', LabelRequest, (input, req) => {
      const labelsUrl = `${req.protocol}://${req.get('host')}${req.baseUrl}/logistics/return-labels`;
      const label = carrier.createLabel(input, (labelId) => `${labelsUrl}/${labelId}`);
      deps.onLabelCreated(label);
      const { labelId, trackingNumber, labelUrl, warehouseId } = label;
      return { status: 201, body: { labelId, carrier: label.carrier, trackingNumber, labelUrl, warehouseId } };
    }),
  );

  /** Where labelUrl points: the customer would print this. */
  router.get('/logistics/return-labels/:id', (req, res) => {
    const label = carrier.findLabel(req.params.id);
    if (label) res.json(label);
    else res.status(404).json(notFound('label').body);
  });

  router.post(
    '/logistics/return-labels/:id/void',
    partnerWrite(deps, 'logistics.void', CaseRef, (input, req) => {
      const labelId = String(req.params.id);
      if (carrier.voidLabel(input.caseId, labelId) === 'not_found') return notFound('label');
      deps.onLabelVoided(labelId);
      return { status: 200, body: { labelId, status: 'voided' } };
    }),
  );

  router.post(
    '/logistics/shipments',
    partnerWrite(deps, 'logistics.ship', ShipmentRequest, (input) => {
      const shipment = carrier.ship(input);
      if (shipment === 'unknown_reservation') return notFound('reservation');
      if (shipment === 'reservation_not_active') {
        return { status: 409, body: { error: 'reservation_not_active', reservationId: input.reservationId } };
      }
      const { shipmentId, trackingNumber } = shipment;
      return { status: 201, body: { shipmentId, carrier: shipment.carrier, trackingNumber } };
    }),
  );

  router.post(
    '/logistics/shipments/:id/cancel',
    partnerWrite(deps, 'logistics.cancel', CaseRef, (input, req) => {
      const shipmentId = String(req.params.id);
      if (carrier.cancelShipment(input.caseId, shipmentId) === 'not_found') return notFound('shipment');
      return { status: 200, body: { shipmentId, status: 'cancelled' } };
    }),
  );

  return router;
}
