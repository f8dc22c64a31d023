import type { FeedbackPolicy } from '../../../config/policies/feedbackPolicy';
import { feedbackReasons } from '../../../domain/feedback';
import type { PolicyProfile } from '../../../domain/process';
import { code, codes, duration, table } from '../markdown';
import { profileTable } from './profiles';

/** The feedback policy (config/policies/feedbackPolicy.ts) for docs/policies.md, "Feedback". */
export function feedbackTable(profiles: Record<PolicyProfile, FeedbackPolicy>): string {
  return profileTable(profiles, [
    ['version a case pins', (p) => p.version],
    ['asked, after the case closes', (p) => (p.askAfterMs === 0 ? 'at once' : duration(p.askAfterMs))],
    ['one reminder, after the question, when unanswered', (p) => duration(p.reminderAfterMs)],
    ['the survey closes, after the question', (p) => duration(p.closeAfterMs)],
    ['reasons required at CSAT', (p) => `${p.reasonsAtMostCsat} or lower`],
    ['a supervisor follows up at CSAT', (p) => `${p.followUpAtMostCsat} or lower, within ${duration(p.followUpWithinMs)}`],
    ['outcomes nobody is asked about', (p) => codes(p.skipOutcomes)],
    ["reasons that count on the repair supplier's scorecard", (p) => codes(p.supplierReasons)],
  ]);
}

/** The reasons the survey offers, as a person reads them in each language (docs/feedback.md). */
export function feedbackReasonTable(): string {
  return table(
    ['code', 'en', 'zh-CN'],
    Object.entries(feedbackReasons).map(([reason, text]) => [code(reason), text.en, text['zh-CN']]),
  );
}
