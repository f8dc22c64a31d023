import type { Pool } from 'pg';
import { getCase } from '../db/caseQueries';
import type { CaseRecord } from '../domain';
import type { Caller } from './auth/access';
import { reaches } from './auth/caseReach';
import { HttpProblem } from './problem';
import { CaseId } from './schemas/caseId';

/**
 * The case record, or the 404 every case route answers for an id it does not know. A case beyond
 * the caller's reach (another customer's, a supplier's unassigned one) gets the very same answer,
 * so a caller cannot even learn that it exists. A partner, authenticated by its signature, is
 * judged by the case's workflow instead (its tracking number, its assignment).
 */
export async function requireCase(pool: Pool, caseId: string, reader: Caller | 'partner'): Promise<CaseRecord> {
  // A string that cannot be a case id names no case; it is not even worth a query (or a NUL in one).
  const record = CaseId.safeParse(caseId).success ? await getCase(pool, caseId) : null;
  if (!record || (reader !== 'partner' && !reaches(reader, record))) {
    throw new HttpProblem('case-not-found', `no case ${caseId}`, { caseId });
  }
  return reader === 'partner' ? record : shownTo(reader, record);
}

/** Whether the caller works cases for the shop, and so sees its internal figures about customers. */
export function isStaff(caller: Caller): boolean {
  return caller.reach === 'all' || caller.reach === 'queue';
}

/**
 * A case record as this caller may read it: the customer's segment is the shop's internal view of
 * them, and the builds that ran the case are its operations' business, neither of which the
 * customer or a supplier sees.
 */
export function shownTo(caller: Caller, record: CaseRecord): CaseRecord {
  if (isStaff(caller)) return record;
  const { customerSegment: _segment, buildIds: _builds, ...shown } = record;
  return shown;
}
