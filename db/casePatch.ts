import type { CasePatch } from '../activities/types';

/**
 * How each patch field lands on its column. Typed over every CasePatch key, so a field added to
 * the port cannot be silently ignored here.
 */
const assignments: Record<keyof CasePatch, (param: string) => string> = {
  status: (p) => `status = ${p}`,
  outcome: (p) => `outcome = ${p}`,
  resolution: (p) => `resolution = ${p}`,
  assignee: (p) => `assignee = ${p}`,
  priority: (p) => `priority = ${p}`,
  // Replaced: the workflow always sends the full set of clocks running now.
  deadlines: (p) => `deadlines = ${p}::jsonb`,
  // Merged: each event adds what it learned without repeating what earlier events said.
  details: (p) => `details = details || ${p}::jsonb`,
  closedAt: (p) => `closed_at = ${p}`,
};

/**
 * SET clauses for the fields the patch carries; an absent (undefined) field leaves its column as
 * it is, while an explicit null (an unassigned case) clears it. `param` numbers each value.
 */
export function patchAssignments(patch: CasePatch, param: (value: unknown) => string): string[] {
  return (Object.keys(assignments) as (keyof CasePatch)[])
    .filter((field) => patch[field] !== undefined)
    .map((field) => assignments[field](param(asSqlValue(patch[field]))));
}

/** pg would send a JS array as a Postgres array, not JSON; jsonb columns need the JSON text. */
function asSqlValue(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
}
