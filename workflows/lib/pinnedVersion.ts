/** The versions a case pins, as its record and live view name them: its process's policy and the service levels. */
export function pinnedVersion(policy: { version: string }, sla: { version: string }): string {
  return `${policy.version} + ${sla.version}`;
}
