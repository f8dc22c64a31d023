import fc from 'fast-check';
import { addBusinessTime, type BusinessCalendar, businessTimeBetween } from '../../workflows/lib/businessCalendar';

const HOUR = 3_600_000;
const weekdayHours = { start: '09:00', end: '18:00' };
const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  hours: { mon: weekdayHours, tue: weekdayHours, wed: weekdayHours, thu: weekdayHours, fri: weekdayHours },
  holidays: ['2026-12-25', '2026-12-26'],
};
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('business calendar', () => {
  it('counts only working hours within a day', () => {
    expect(iso(addBusinessTime(at('2026-11-23T08:00:00Z'), 2 * HOUR, berlin))).toBe('2026-11-23T10:00:00.000Z');
  });

  it('starts the clock at opening time when asked before it', () => {
    expect(iso(addBusinessTime(at('2026-11-23T05:00:00Z'), HOUR, berlin))).toBe('2026-11-23T09:00:00.000Z');
  });

  it('carries over the weekend', () => {
    // Friday 16:00 CET + 4 working hours = 2 on Friday, 2 on Monday → Monday 11:00 CET.
    expect(iso(addBusinessTime(at('2026-11-27T15:00:00Z'), 4 * HOUR, berlin))).toBe('2026-11-30T10:00:00.000Z');
  });

  it('skips holidays', () => {
    // Thursday 24 Dec 17:00 CET + 2h: 1h that day, then 25th, 26th (holidays), 27th (Sunday) → Monday 28th 10:00.
    expect(iso(addBusinessTime(at('2026-12-24T16:00:00Z'), 2 * HOUR, berlin))).toBe('2026-12-28T09:00:00.000Z');
  });

  it('keeps local opening hours across the spring-forward change', () => {
    // Friday 27 Mar 2026 opens 09:00 CET (08:00Z); Monday 30 Mar opens 09:00 CEST (07:00Z).
    expect(iso(addBusinessTime(at('2026-03-27T08:00:00Z'), 10 * HOUR, berlin))).toBe('2026-03-30T08:00:00.000Z');
  });

  it('keeps local opening hours across the fall-back change', () => {
    // Friday 23 Oct 2026 09:00 CEST (07:00Z) + 10h → Monday 26 Oct 10:00 CET (09:00Z).
    expect(iso(addBusinessTime(at('2026-10-23T07:00:00Z'), 10 * HOUR, berlin))).toBe('2026-10-26T09:00:00.000Z');
  });

  it('runs round the clock without a calendar', () => {
    expect(addBusinessTime(1_000, 5_000, null)).toBe(6_000);
    expect(businessTimeBetween(1_000, 6_000, null)).toBe(5_000);
  });

  const instants = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2028-12-31T00:00:00Z') });
  const durations = fc.integer({ min: 0, max: 200 * HOUR });

  it('measures back exactly the working time it added, from any instant (property)', () => {
    fc.assert(
      fc.property(instants, durations, (from, duration) => {
        expect(businessTimeBetween(from, addBusinessTime(from, duration, berlin), berlin)).toBe(duration);
      }),
      { numRuns: 300 },
    );
  });

  it('never moves a deadline earlier for a longer target (property)', () => {
    fc.assert(
      fc.property(instants, durations, durations, (from, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        expect(addBusinessTime(from, short, berlin)).toBeLessThanOrEqual(addBusinessTime(from, long, berlin));
      }),
      { numRuns: 300 },
    );
  });
});
