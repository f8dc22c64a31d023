import type { CasePolicies } from '../config/policies/profiles';
import type { CaseOpening, Process } from '../domain/process';
import { processOf } from '../workflows/registry';
import type { CreateCaseRequest } from './schemas/cases';

/** A request on its way to becoming a case: the process that runs it and what opening it involves. */
export interface Intake {
  process: Process;
  opening: CaseOpening<unknown>;
}

/**
 * The intake of the request's process, with the policies new cases of that process pin. The body
 * was validated by CreateCaseRequest, whose `type` picked this very process's request schema.
 */
export function intakeFor(body: CreateCaseRequest, policies: CasePolicies): Intake {
  const process = processOf(body.type);
  const pinned: Record<string, unknown> = policies;
  return { process, opening: process.intake.open(body, { process: pinned[process.name], sla: policies.sla }) };
}
