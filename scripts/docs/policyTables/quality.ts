import type { QualityPolicy } from '../../../config/policies/qualityPolicy';
import type { PolicyProfile } from '../../../domain/process';
import { code, codes, duration, percent, table } from '../markdown';
import { profileTable } from './profiles';

const clock = ({ hour, minute }: QualityPolicy['drawAt']) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** The quality policy (config/policies/qualityPolicy.ts) for docs/policies.md, "Quality sampling". */
export function qualityTable(profiles: Record<PolicyProfile, QualityPolicy>): string {
  return profileTable(profiles, [
    ['version', (p) => p.version],
    ['the daily draw, local time (of the day before)', (p) => `${clock(p.drawAt)} ${p.timeZone}`],
    ['share of each type × channel, rounded up', (p) => percent(p.share)],
    ['a review is due, after the draw', (p) => duration(p.reviewWithinMs)],
    ['rubric, scale, pass mark', (p) => `${p.rubric.version}, ${p.rubric.scale.min}–${p.rubric.scale.max}, ${p.rubric.passMark} of 100`],
    ['breaches the check looks for', (p) => codes(p.processCheck.breachEvents)],
    ['clocks whose breach the process answers itself', (p) => codes(p.processCheck.breachesAnsweredByProcess)],
    ['outcomes with exactly one refund', (p) => codes(p.processCheck.refundOutcomes)],
  ]);
}

/** The criteria a QA reviewer scores, as a person reads them in each language (docs/quality.md). */
export function rubricTable(policy: QualityPolicy): string {
  const { criteria, scale } = policy.rubric;
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return table(
    ['criterion', 'en', 'zh-CN', 'scale', 'weight'],
    criteria.map((c) => [code(c.key), c.label.en, c.label['zh-CN'], `${scale.min}–${scale.max}`, `${c.weight} (${percent(c.weight / total)})`]),
  );
}

/** The message each step owes the customer, which the process check counts (docs/quality.md). */
export function noticeTable(policy: QualityPolicy): string {
  return table(
    ['after the step', 'the customer is sent'],
    Object.entries(policy.processCheck.notices).map(([step, template]) => [code(step), code(template)]),
  );
}
