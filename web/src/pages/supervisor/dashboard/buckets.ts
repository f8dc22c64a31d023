import type { Locale } from '../../../i18n/I18nProvider';

/**
 * The dashboard's periods and their buckets. The KPI route reports one window; a chart over time
 * asks it once per bucket (an hour or a local day), so each bucket is cached on its own and a past
 * one is never asked again.
 */

export const ranges = ['24h', '7d', '14d'] as const;
export type Range = (typeof ranges)[number];

export interface Bucket {
  from: string;
  to: string;
}

const HOUR = 3_600_000;

function hourly(now: Date, count: number): Bucket[] {
  const current = Math.floor(now.getTime() / HOUR) * HOUR;
  return Array.from({ length: count }, (_, i) => {
    const start = current - (count - 1 - i) * HOUR;
    return { from: new Date(start).toISOString(), to: new Date(start + HOUR).toISOString() };
  });
}

/** Local days, from midnight to midnight, so a day with a clock change has its 23 or 25 hours. */
function daily(now: Date, count: number): Bucket[] {
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (count - 1 - i));
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
    return { from: start.toISOString(), to: end.toISOString() };
  });
}

export function bucketsOf(range: Range, now: Date): Bucket[] {
  if (range === '24h') return hourly(now, 24);
  return daily(now, range === '7d' ? 7 : 14);
}

/** The whole period the buckets cover. */
export function spanOf(buckets: readonly Bucket[]): Bucket {
  return { from: buckets[0]!.from, to: buckets[buckets.length - 1]!.to };
}

export function bucketLabel(bucket: Bucket, range: Range, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions = range === '24h' ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(bucket.from));
}
