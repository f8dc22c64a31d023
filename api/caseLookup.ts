import type { Pool } from 'pg';
import { getCase } from '../db/caseQueries';
import type { CaseRecord } from '../domain';
import { HttpProblem } from './problem';

/** The case record, or the 404 every case route answers for an id it does not know. */
export async function requireCase(pool: Pool, caseId: string): Promise<CaseRecord> {
  const record = await getCase(pool, caseId);
  if (!record) throw new HttpProblem('case-not-found', `no case ${caseId}`, { caseId });
  return record;
}
