import type { PrivacyPolicy } from '../../../config/policies/privacyPolicy';
import type { PolicyProfile } from '../../../domain/process';
import { duration } from '../markdown';
import { profileTable } from './profiles';

const hhmm = ({ hour, minute }: PrivacyPolicy['retentionRunAt']) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** The privacy policy (config/policies/privacyPolicy.ts) for docs/policies.md, "Privacy". */
export function privacyTable(profiles: Record<PolicyProfile, PrivacyPolicy>): string {
  return profileTable(profiles, [
    ['version', (p) => p.version],
    ["a closed case's personal data is erased after", (p) => duration(p.retainAfterCloseMs)],
    ['the daily retention run, local time', (p) => `${hhmm(p.retentionRunAt)} ${p.timeZone}`],
    ['cases erased per transaction', (p) => String(p.retentionBatchSize)],
    ['a process keeps a data key it read for', (p) => duration(p.dataKeyCacheMs)],
  ]);
}
