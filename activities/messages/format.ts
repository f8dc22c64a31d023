import type { Language } from '../types';

/**
 * Dates, money, durations and lists as a reader of one language expects them. Dates are written in
 * a time zone named with them, since the message does not know where its reader is: customers
 * writing English read the service's own zone (the business calendar's, config/policies/slaPolicy.ts),
 * customers writing Chinese Beijing time; staff read the service's zone in both languages.
 */

export const SERVICE_TIME_ZONE = 'Europe/Berlin';

/** Where a customer reading each language is taken to be. */
export const customerTimeZones: Record<Language, string> = { en: SERVICE_TIME_ZONE, 'zh-CN': 'Asia/Shanghai' };

/** How a Chinese reader names the zones we write in; other zones by their abbreviation. */
const chineseZoneNames: Record<string, string> = { 'Asia/Shanghai': '北京时间', 'Europe/Berlin': '柏林时间' };

const locales: Record<Language, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' };

export interface MessageFormat {
  language: Language;
  /** 3 December 2026 at 09:00 CET · 2026年12月3日 16:00（北京时间） */
  dateTime(value: unknown): string | undefined;
  /** 3 December 2026 · 2026年12月3日 */
  date(value: unknown): string | undefined;
  /** With its weekday, for a visit: Thursday, 3 December 2026 · 2026年12月3日（周四） */
  day(value: unknown): string | undefined;
  /** A visit: Thursday, 3 December 2026, 09:00–11:00 CET · 2026年12月3日（周四）16:00–18:00（北京时间） */
  slot(start: unknown, end: unknown): string | undefined;
  /** Minor units in the currency: €49.90. */
  money(amount: unknown, currency: unknown): string | undefined;
  /** 1 hour, 30 minutes · 1小时, 30分钟 */
  duration(ms: unknown): string | undefined;
  /** and: a, b and c · a、b和c; or: a, b or c · a、b或c; codes (tracking numbers, SKUs): a, b, c · a、b、c */
  list(items: readonly string[], kind?: 'and' | 'or' | 'codes'): string | undefined;
}

function instant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const datePart = (date: Date, language: Language, timeZone: string, weekday: boolean): string => {
  if (language === 'zh-CN') {
    const day = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(date);
    return weekday ? `${day}（${new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone }).format(date)}）` : day;
  }
  return new Intl.DateTimeFormat('en-GB', { ...(weekday && { weekday: 'long' }), year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(date);
};

const timePart = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);

/** The zone as its reader names it: CET or CEST in English, 北京时间 in Chinese. */
function zoneName(date: Date, language: Language, timeZone: string): string {
  if (language === 'zh-CN' && chineseZoneNames[timeZone]) return `（${chineseZoneNames[timeZone]}）`;
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return language === 'zh-CN' ? `（${part?.value ?? timeZone}）` : ` ${part?.value ?? timeZone}`;
}

const sameDay = (a: Date, b: Date, timeZone: string) => datePart(a, 'en', timeZone, false) === datePart(b, 'en', timeZone, false);

const units = [
  { ms: 86_400_000, en: ['day', 'days'], zh: '天' },
  { ms: 3_600_000, en: ['hour', 'hours'], zh: '小时' },
  { ms: 60_000, en: ['minute', 'minutes'], zh: '分钟' },
  { ms: 1_000, en: ['second', 'seconds'], zh: '秒' },
] as const;

/** Minor units per major unit of a currency (EUR 100, JPY 1), as Intl knows it. */
function minorUnits(currency: string): number | undefined {
  try {
    return 10 ** (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
  } catch {
    return undefined;
  }
}

export function messageFormat(language: Language, timeZone: string = customerTimeZones[language]): MessageFormat {
  const locale = locales[language];
  const dateTime = (value: unknown): string | undefined => {
    const date = instant(value);
    if (!date) return undefined;
    const separator = language === 'zh-CN' ? ' ' : ' at ';
    return `${datePart(date, language, timeZone, false)}${separator}${timePart(date, timeZone)}${zoneName(date, language, timeZone)}`;
  };
  return {
    language,
    dateTime,
    date(value) {
      const date = instant(value);
      return date && datePart(date, language, timeZone, false);
    },
    day(value) {
      const date = instant(value);
      return date && datePart(date, language, timeZone, true);
    },
    slot(startValue, endValue) {
      const start = instant(startValue);
      const end = instant(endValue);
      if (!start) return undefined;
      if (!end) return dateTime(startValue);
      // "Thursday, 3 December 2026, 09:00" in English; "2026年12月3日（周四）16:00" in Chinese.
      const at = (date: Date) => `${datePart(date, language, timeZone, true)}${language === 'zh-CN' ? '' : ', '}${timePart(date, timeZone)}`;
      const until = sameDay(start, end, timeZone) ? `–${timePart(end, timeZone)}` : ` – ${at(end)}`;
      return `${at(start)}${until}${zoneName(start, language, timeZone)}`;
    },
    money(amount, currency) {
      if (typeof amount !== 'number' || !Number.isFinite(amount) || typeof currency !== 'string') return undefined;
      const perMajor = minorUnits(currency);
      if (perMajor === undefined) return undefined;
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / perMajor);
    },
    duration(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) return undefined;
      const unit = units.find((u) => ms % u.ms === 0) ?? units[3];
      const n = Math.round(ms / unit.ms);
      return language === 'zh-CN' ? `${n}${unit.zh}` : `${n} ${unit.en[n === 1 ? 0 : 1]}`;
    },
    list(items, kind = 'and') {
      const present = items.filter((item) => item !== '');
      if (present.length === 0) return undefined;
      if (kind === 'codes') return present.join(language === 'zh-CN' ? '、' : ', ');
      return new Intl.ListFormat(locale, { type: kind === 'and' ? 'conjunction' : 'disjunction' }).format(present);
    },
  };
}
