import type { BusinessCalendar } from '../../config/policies/slaPolicy';

export type { BusinessCalendar };

/**
 * Business-hours arithmetic in a calendar's own time zone: working hours per weekday, holidays,
 * and daylight-saving changes (a 09:00–18:00 day is nine hours on the clock, whatever the UTC
 * offset does that night). Pure and deterministic, so workflows call it on their replay-safe
 * clock and tests check it without a server.
 */

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** How far the zone's wall clock is ahead of UTC at an instant. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  const shifted = new Date(instant + offsetMs(instant, timeZone));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant a local wall time names; in a spring-forward gap, the moment the clocks jump to. */
function instantOf(date: LocalDate, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(date.year, date.month - 1, date.day, h, m);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return Math.max(first, second);
}

function nextDay(date: LocalDate): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The working interval of a local date as UTC instants, or null when closed. */
function workingInterval(date: LocalDate, calendar: BusinessCalendar): [number, number] | null {
  if (calendar.holidays.includes(isoDate(date))) return null;
  const weekday = weekdays[(new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7]!;
  const hours = calendar.hours[weekday];
  if (!hours) return null;
  return [instantOf(date, hours.start, calendar.timeZone), instantOf(date, hours.end, calendar.timeZone)];
}

/** A calendar with no open hours would loop forever; ten years of closed days is a broken policy. */
const MAX_DAYS = 3660;

function* workingIntervalsFrom(fromMs: number, calendar: BusinessCalendar): Generator<[number, number]> {
  let date = localDateOf(fromMs, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDay(date)) {
    const interval = workingInterval(date, calendar);
    if (interval && interval[1] > fromMs) yield [Math.max(interval[0], fromMs), interval[1]];
  }
  throw new Error(`calendar ${calendar.timeZone} has no working hours within ${MAX_DAYS} days`);
}

/** The instant `durationMs` of working time after `fromMs` (null calendar: round the clock). */
export function addBusinessTime(fromMs: number, durationMs: number, calendar: BusinessCalendar | null): number {
  if (!calendar || durationMs <= 0) return fromMs + Math.max(0, durationMs);
  let remaining = durationMs;
  for (const [start, end] of workingIntervalsFrom(fromMs, calendar)) {
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }
  throw new Error('unreachable');
}

/** Working time between two instants (null calendar: all of it). */
export function businessTimeBetween(fromMs: number, toMs: number, calendar: BusinessCalendar | null): number {
  if (toMs <= fromMs) return 0;
  if (!calendar) return toMs - fromMs;
  let total = 0;
  for (const [start, end] of workingIntervalsFrom(fromMs, calendar)) {
    if (start >= toMs) break;
    total += Math.min(end, toMs) - start;
  }
  return total;
}
