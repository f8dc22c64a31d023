import type { RequestHandler } from 'express';
import { rawBodyOf } from '../middleware/jsonBody';
import { HttpProblem } from '../problem';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from './signature';

/**
 * Runs on the raw bytes before anything is parsed, looked up or signalled, so an unsigned,
 * forged or replayed-late request learns nothing and changes nothing.
 */
export function requireSignature(secret: string, toleranceSeconds: number): RequestHandler {
  return (req, _res, next) => {
    const check = verifyWebhookSignature({
      secret,
      rawBody: rawBodyOf(req),
      timestamp: req.get(TIMESTAMP_HEADER),
      signature: req.get(SIGNATURE_HEADER),
      toleranceSeconds,
    });
    if (!check.ok) {
      req.log.warn({ reason: check.reason }, 'webhook signature refused');
      throw new HttpProblem('invalid-signature', `signature ${check.reason}`);
    }
    next();
  };
}
