import type { CaseCustomer } from './customer';
import type { IntakeRecords } from './process';

/** The customer as a case pins them: ids and the segment of the day, never their name or contact. */
export function caseCustomer({ customer, standing }: Pick<IntakeRecords, 'customer' | 'standing'>): Required<Pick<CaseCustomer, 'id' | 'segment' | 'language' | 'advisorId'>> {
  return { id: customer.id, segment: standing.segment, language: customer.language, advisorId: customer.advisorId };
}
