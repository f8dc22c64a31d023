import type { PartnerPolicy } from '../../../config/policies/partnerPolicy';
import type { PolicyProfile } from '../../../domain/process';
import { codes, duration, percent } from '../markdown';
import { profileTable } from './profiles';

/** A share against its line, judged from a minimum volume. */
const line = (share: number, minVolume: number) => `${percent(share)}, ${minVolume} or more`;
const hhmm = ({ hour, minute }: PartnerPolicy['reviewAt']) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** The partner policy (config/policies/partnerPolicy.ts) for docs/policies.md, "Partners". */
export function partnerTable(profiles: Record<PolicyProfile, PartnerPolicy>): string {
  return profileTable(profiles, [
    ['version', (p) => p.version],
    ['figures count the last', (p) => duration(p.lookBackMs)],
    ['the daily review, local time', (p) => `${hhmm(p.reviewAt)} ${p.timeZone}`],
    ['supplier steps: completed within, of the request', (p) => duration(p.stepsOnTime.withinMs)],
    ['… share at least, judged from this many steps', (p) => line(p.stepsOnTime.minShare, p.stepsOnTime.minVolume)],
    ["brands' returns: refunded within, of the receipt", (p) => duration(p.returnsHonoured.withinMs)],
    ['… share at least, judged from this many returns', (p) => line(p.returnsHonoured.minShare, p.returnsHonoured.minVolume)],
    ['negative ratings: share at most, judged from this many ratings', (p) => line(p.negativeRatings.maxShare, p.negativeRatings.minVolume)],
    ["… a brand's: CSAT, for one of these reasons", (p) => `${p.negativeRatings.atMostCsat} or lower, ${codes(p.negativeRatings.brandReasons)}`],
  ]);
}
