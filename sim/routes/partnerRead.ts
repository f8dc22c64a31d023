import type { Request, RequestHandler } from 'express';
import type { Faults, PartnerOperation } from '../faults';
import type { PartnerReply } from '../idempotency';
import { answeredByOutage, sendReply } from './injectedFault';

/**
 * Every partner read: an outage answers first, as for writes; there is no body to check and
 * nothing to replay, and a fault armed after recording loses the answer as it does a write's.
 */
export function partnerRead(faults: Faults, operation: PartnerOperation, handle: (req: Request) => PartnerReply): RequestHandler {
  return (req, res) => {
    const fault = faults.take(operation);
    if (answeredByOutage(fault, operation, res)) return;
    sendReply(res, operation, fault, handle(req));
  };
}
