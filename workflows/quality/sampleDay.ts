import { localDateOf } from '../lib/businessCalendar';

/** The calendar day before an instant, in a time zone: the day a draw at that instant samples. */
export function dayBefore(instant: Date, timeZone: string): string {
  const { year, month, day } = localDateOf(instant.getTime(), timeZone);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}
