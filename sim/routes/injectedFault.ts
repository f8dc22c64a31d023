import type { Response } from 'express';
import type { Faults, PartnerOperation } from '../faults';

/** Answers the call with the outage armed for it, if any (true when it did), before the call is even read. */
export function answeredByFault(faults: Faults, operation: PartnerOperation, caseId: string | undefined, res: Response): boolean {
  const status = faults.take(operation, caseId);
  if (status === undefined) return false;
  res.status(status).json({ error: 'injected_fault', operation });
  return true;
}
