import type { Request, RequestHandler } from 'express';
import type { Faults, PartnerOperation } from '../faults';
import type { PartnerReply } from '../idempotency';
import { answeredByFault } from './injectedFault';

/** Every partner read: an outage answers first, as for writes; there is no body to check and nothing to replay. */
export function partnerRead(faults: Faults, operation: PartnerOperation, handle: (req: Request) => PartnerReply): RequestHandler {
  return (req, res) => {
    if (answeredByFault(faults, operation, undefined, res)) return;
    const reply = handle(req);
    res.status(reply.status).json(reply.body);
  };
}
