/** A case id: "case_" and 26 hex digits (api/schemas/caseId.ts derives them). */
export const CASE_ID_PATTERN = /^case_[0-9a-f]{26}$/;

/**
 * The case a workflow belongs to: the case's own workflow has the case id as its id, and the
 * workflows it starts (its survey, its escalations) the case id and a suffix after a colon.
 */
export function caseIdOfWorkflow(workflowId: string): string | undefined {
  const candidate = workflowId.split(':', 1)[0] ?? '';
  return CASE_ID_PATTERN.test(candidate) ? candidate : undefined;
}
