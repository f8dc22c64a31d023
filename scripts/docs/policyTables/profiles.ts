import type { PolicyProfile } from '../../../domain/process';
import { code, duration, table } from '../markdown';

/** One rule of a policy as a row: what it is called, and its value in a profile. */
export type Row<Policy> = [label: string, value: (policy: Policy) => string];

/** Rules side by side: the standard profile and the demo's (POLICY_PROFILE=demo). */
export function profileTable<Policy>(profiles: Record<PolicyProfile, Policy>, rows: readonly Row<Policy>[]): string {
  return table(
    ['rule', 'standard', 'demo'],
    rows.map(([label, value]) => [label, value(profiles.standard), value(profiles.demo)]),
  );
}

/** A value as the standard profile has it, with the demo's beside it where that differs. */
export function standardAndDemo<Policy>(profiles: Record<PolicyProfile, Policy>, value: (policy: Policy) => string): string {
  const [standard, demo] = [value(profiles.standard), value(profiles.demo)];
  return standard === demo ? standard : `${standard} (demo: ${demo})`;
}

export function escalationLevels(levels: readonly { name: string; ackWithinMs: number }[]): string {
  return levels.map((l) => `${code(l.name)} ${duration(l.ackWithinMs)}`).join(' → ');
}
