import type { Translate } from '../../i18n/I18nProvider';
import type { Locale } from '../../i18n/I18nProvider';
import { en, type MessageKey } from '../../i18n/en';

/** How the supervisor's pages write figures, times and names, in the reader's language. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatNumber(value: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export function formatShare(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A duration in the largest unit that keeps it readable: minutes under two hours, hours under two days. */
export function formatDuration(ms: number, t: Translate, locale: Locale): string {
  if (ms < 2 * HOUR) return t('unit.minutes', { value: formatNumber(ms / MINUTE, locale) });
  if (ms < 2 * DAY) return t('unit.hours', { value: formatNumber(ms / HOUR, locale) });
  return t('unit.days', { value: formatNumber(ms / DAY, locale) });
}

export type KpiUnit = 'ms' | 'share' | 'points';

export function formatKpiValue(value: number, unit: KpiUnit, t: Translate, locale: Locale): string {
  if (unit === 'ms') return formatDuration(value, t, locale);
  if (unit === 'share') return formatShare(value, locale);
  return t('unit.points', { value: formatNumber(value, locale) });
}

export function formatInstant(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A key of the catalogs, for names the API sends (statuses, clocks) that may be newer than the pages. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The label of `prefix.code` when the catalogs have one, else the code itself. */
export function labelOf(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}
