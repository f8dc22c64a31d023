import type { Request, RequestHandler } from 'express';
import type { WebhookSecrets } from '../../config/webhookSecrets';
import { rawBodyOf } from '../middleware/jsonBody';
import { HttpProblem } from '../problem';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from './signature';

/**
 * Runs on the raw bytes before anything is parsed, looked up or signalled, so an unsigned,
 * forged or replayed-late request learns nothing and changes nothing. `partnerOf` names the
 * partner the URL speaks for ("carrier:dhl"); only that partner's secrets verify.
 */
export function requireSignature(
  secrets: WebhookSecrets,
  toleranceSeconds: number,
  partnerOf: (req: Request) => string,
): RequestHandler {
  return (req, _res, next) => {
    const partner = partnerOf(req);
    const check = verifyWebhookSignature({
      secrets: secrets.accepted(partner),
      rawBody: rawBodyOf(req),
      timestamp: req.get(TIMESTAMP_HEADER),
      signature: req.get(SIGNATURE_HEADER),
      toleranceSeconds,
    });
    if (!check.ok) {
      req.log.warn({ partner, reason: check.reason }, 'webhook signature refused');
      throw new HttpProblem('invalid-signature', `signature ${check.reason}`);
    }
    next();
  };
}
