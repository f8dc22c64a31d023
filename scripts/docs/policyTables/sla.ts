import type { SlaPolicy } from '../../../config/policies/slaPolicy';
import type { PolicyProfile } from '../../../domain/process';
import { code, duration, percent, table } from '../markdown';
import { profileTable } from './profiles';

type Rule = SlaPolicy['rules'][number];

function target(rule: Rule): string {
  return `${duration(rule.targetMs)}, ${rule.businessHours ? 'business hours' : 'round the clock'}`;
}

function match(rule: Rule): string {
  const fields = Object.entries(rule.match).filter(([, v]) => v !== undefined);
  return fields.length === 0 ? 'any case' : fields.map(([k, v]) => `${k} = ${code(String(v))}`).join(', ');
}

/** The targets of one clock, as a cell: one line per rule. */
export function slaRuleTarget(policy: SlaPolicy, clock: Rule['clock']): string {
  const rules = policy.rules.filter((r) => r.clock === clock);
  return rules.length === 0 ? 'none' : rules.map((r) => (rules.length === 1 ? target(r) : `${match(r)}: ${target(r)}`)).join('<br>');
}

export function slaRuleTable(profiles: Record<PolicyProfile, SlaPolicy>): string {
  const rows = profiles.standard.rules.map((rule, i) => {
    const demo = profiles.demo.rules[i];
    return [code(rule.clock), match(rule), target(rule), demo ? target(demo) : '–'];
  });
  return table(['clock', 'case', 'standard', 'demo'], rows);
}

export function slaCalendarTable(profiles: Record<PolicyProfile, SlaPolicy>): string {
  const hours = (policy: SlaPolicy) =>
    Object.entries(policy.calendar.hours)
      .map(([day, h]) => `${day} ${h.start}–${h.end}`)
      .join(', ');
  return profileTable(profiles, [
    ['version a case pins', (p) => p.version],
    ['time zone', (p) => p.calendar.timeZone],
    ['business hours (other days closed)', hours],
    ['public holidays (closed)', (p) => p.calendar.holidays.join(', ')],
    ['warning at this share of a target', (p) => percent(p.warnAt)],
  ]);
}
