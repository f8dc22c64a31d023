import type { Response } from 'express';
import type { Fault, PartnerOperation } from '../faults';
import type { PartnerReply } from '../idempotency';

/** Answers the call with the outage armed for it, if any (true when it did), before the call is even read. */
export function answeredByOutage(fault: Fault | undefined, operation: PartnerOperation, res: Response): boolean {
  if (fault?.when !== 'before_reading') return false;
  res.status(fault.status).json({ error: 'injected_fault', operation });
  return true;
}

/**
 * Sends the partner's reply to a call it has acted on, or loses it as a fault armed after
 * recording says: an error in its place, or the reply itself, late (after the caller has stopped
 * waiting, when the delay is longer than its timeout).
 */
export function sendReply(res: Response, operation: PartnerOperation, fault: Fault | undefined, reply: PartnerReply): void {
  if (fault?.when !== 'after_recording') {
    res.status(reply.status).json(reply.body);
  } else if ('status' in fault) {
    res.status(fault.status).json({ error: 'injected_fault', operation });
  } else {
    // unref: a reply nobody waits for any more must not keep the simulator's process alive.
    setTimeout(() => {
      if (res.socket?.destroyed === false) res.status(reply.status).json(reply.body);
    }, fault.delayMs).unref();
  }
}
