import type { Sections } from '../../scripts/docs/sections';
import type { PolicyProfile } from '../../domain/process';
import type { InstallationPolicy } from './policy';
import { code, duration } from '../../scripts/docs/markdown';
import { escalationLevels, profileTable } from '../../scripts/docs/policyTables/profiles';

export function installationTable(profiles: Record<PolicyProfile, InstallationPolicy>): string {
  return profileTable(profiles, [
    ['version a case pins', (p) => p.version],
    [
      'installed and inspected at home (category: installer)',
      (p) => Object.entries(p.installable).map(([category, rule]) => `${code(category)}: ${code(rule!.installerId)}`).join(', '),
    ],
    ["the installer's report is due after the visit's slot ends within", (p) => duration(p.reportWithinMs)],
    ['a defect found at unboxing is remedied (a return, exchange or repair opened) within', (p) => duration(p.remedyWithinMs)],
    ['a missed target escalates to', (p) => escalationLevels(p.escalation.levels)],
  ]);
}

/** The installation policy's figures in docs/policies.md (npm run docs finds this file by the process's name). */
export function policySections(profiles: Record<PolicyProfile, InstallationPolicy>): Sections {
  return { 'policy:installations': installationTable(profiles) };
}
