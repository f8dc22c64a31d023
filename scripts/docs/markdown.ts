/** Markdown the generated parts of docs/ are made of. */

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const code = (text: string): string => `\`${text}\``;

/** `a`, `b` and `c`; a dash for none. */
export function codes(values: readonly string[]): string {
  return values.length === 0 ? '–' : values.map(code).join(', ');
}

// Days from a week on only: 24 business hours are not a day, and contracts say "48 h".
const units = [
  { ms: 86_400_000, one: '1 day', many: 'days', from: 7 * 86_400_000 },
  { ms: 3_600_000, one: '1 h', many: 'h', from: 0 },
  { ms: 60_000, one: '1 min', many: 'min', from: 0 },
  { ms: 1_000, one: '1 s', many: 's', from: 0 },
] as const;

/** A policy duration as a person reads it: the largest unit that divides it (36 h, not 1.5 days). */
export function duration(ms: number): string {
  const unit = units.find((u) => ms % u.ms === 0 && ms >= u.from);
  if (!unit) return `${ms} ms`;
  const n = ms / unit.ms;
  return n === 1 ? unit.one : `${n.toLocaleString('en')} ${unit.many}`;
}

/** An amount in minor units (cents) as the order's currency shows it. */
export function money(minorUnits: number): string {
  return `${(minorUnits / 100).toLocaleString('en', { minimumFractionDigits: 2 })} (${minorUnits.toLocaleString('en')} minor units)`;
}

export const percent = (share: number): string => `${Math.round(share * 100)} %`;
