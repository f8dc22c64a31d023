import type { Sections } from '../../scripts/docs/sections';
import type { PolicyProfile } from '../../domain/process';
import type { RepairPolicy } from './policy';
import { code, duration, percent, table } from '../../scripts/docs/markdown';
import { escalationLevels, profileTable, standardAndDemo } from '../../scripts/docs/policyTables/profiles';

type Category = keyof RepairPolicy['warrantyMonths'];

/** What happens to a product of each category: warranty, troubleshooting, where it is repaired, by whom. */
export function repairCategoryTable(profiles: Record<PolicyProfile, RepairPolicy>): string {
  const rows = (Object.keys(profiles.standard.warrantyMonths) as Category[]).map((category) => [
    code(category),
    standardAndDemo(profiles, (p) => `${p.warrantyMonths[category]} months`),
    standardAndDemo(profiles, (p) => {
      const article = p.troubleshooting[category];
      return article ? `[${article.title}](${article.url})` : 'none: straight to the repair order';
    }),
    standardAndDemo(profiles, (p) => (p.onSiteCategories.includes(category) ? 'on site (technician visit)' : 'at the supplier')),
    standardAndDemo(profiles, (p) => code(p.supplierByCategory[category])),
  ]);
  const article = 'troubleshooting article, when the knowledge base has no confident match';
  return table(['category', 'warranty from purchase', article, 'repaired', 'supplier'], rows);
}

export function repairClockTable(profiles: Record<PolicyProfile, RepairPolicy>): string {
  const suppliers = [...new Set(Object.values(profiles.standard.supplierByCategory))];
  const responseOf = (policy: RepairPolicy, supplier: string) => policy.supplierResponseMs.bySupplier[supplier] ?? policy.supplierResponseMs.default;
  return profileTable(profiles, [
    ['version a case pins', (p) => p.version],
    [
      "troubleshooting offers the knowledge base's best article from this confidence",
      (p) => (p.troubleshootingMinConfidence === undefined ? "never: the category's article" : String(p.troubleshootingMinConfidence)),
    ],
    ['troubleshooting window (then the order is placed)', (p) => duration(p.troubleshootingWindowMs)],
    ['supplier response time per step, by default', (p) => duration(p.supplierResponseMs.default)],
    ...suppliers.map((supplier): [string, (p: RepairPolicy) => string] => [
      `supplier response time per step, ${code(supplier)}`,
      (p) => duration(responseOf(p, supplier)),
    ]),
    ['reminder to the supplier at this share of its response time', (p) => percent(p.supplierReminderAt)],
    ['quote approval window (then the item comes back unrepaired)', (p) => duration(p.quoteApprovalWindowMs)],
    ['auto-close after the item is shipped back', (p) => duration(p.autoCloseAfterShipBackMs)],
    ['escalation on a supplier breach: time to acknowledge per level', (p) => escalationLevels(p.escalation.levels)],
  ]);
}


/** The repair policy's figures in docs/policies.md (npm run docs finds this file by the process's name). */
export function policySections(profiles: Record<PolicyProfile, RepairPolicy>): Sections {
  return { 'policy:repairs-categories': repairCategoryTable(profiles), 'policy:repairs-clocks': repairClockTable(profiles) };
}
