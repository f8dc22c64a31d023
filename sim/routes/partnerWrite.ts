import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import type { Faults, PartnerOperation } from '../faults';
import type { IdempotentReplies, PartnerReply } from '../idempotency';
import { answeredByOutage, sendReply } from './injectedFault';
import { parseOr400 } from './validation';

/**
 * Every partner write goes through the same gate, in the order a real partner would apply it:
 * an outage answers before anything is read, then the body is validated, then a known
 * Idempotency-Key replays the first answer instead of acting again. A fault armed after recording
 * lets the partner act and remember its reply, then loses the reply on its way back.
 */

export interface PartnerWriteDeps {
  faults: Faults;
  replies: IdempotentReplies;
}

export function partnerWrite<S extends z.ZodType>(
  deps: PartnerWriteDeps,
  operation: PartnerOperation,
  schema: S,
  /** Synchronous on purpose: no duplicate request can slip in between acting and remembering the reply. */
  handle: (input: z.output<S>, req: Request) => PartnerReply,
): RequestHandler {
  return (req, res) => {
    // Read before validation, as an outage answers before anything is parsed.
    const caseId = (req.body as { caseId?: unknown } | undefined)?.caseId;
    const fault = deps.faults.take(operation, typeof caseId === 'string' ? caseId : undefined);
    if (answeredByOutage(fault, operation, res)) return;
    const input = parseOr400(schema, req.body, res);
    if (input === undefined) return;
    const key = req.get('idempotency-key');
    const replayed = key === undefined ? undefined : deps.replies.get(operation, key);
    if (replayed) {
      sendReply(res.set('idempotent-replayed', 'true'), operation, fault, replayed);
      return;
    }
    const reply = handle(input, req);
    if (key !== undefined) deps.replies.remember(operation, key, reply);
    sendReply(res, operation, fault, reply);
  };
}
