import fc from 'fast-check';
import { addBusinessTime, type BusinessCalendar, businessTimeBetween, localDateOf } from '../../workflows/lib/businessCalendar';

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
    expect(businessTimeBetween(6_000, 1_000, null)).toBe(0);
    expect(addBusinessTime(1_000, -5_000, null)).toBe(1_000);
  });

  it('adds nothing to an instant for a target of zero, even out of hours', () => {
    const saturdayNoon = at('2026-11-28T11:00:00Z');
    expect(addBusinessTime(saturdayNoon, 0, berlin)).toBe(saturdayNoon);
  });

  it('ends a target that fills the day at closing time, not at the next opening', () => {
    // Monday 09:00 CET + 9 working hours = Monday 18:00 CET.
    expect(iso(addBusinessTime(at('2026-11-23T08:00:00Z'), 9 * HOUR, berlin))).toBe('2026-11-23T17:00:00.000Z');
  });

  it('counts nothing of a day that has closed when asked after it', () => {
    // Monday 20:00 CET + 1h → Tuesday 10:00 CET; Monday 18:00–20:00 counts nothing.
    expect(iso(addBusinessTime(at('2026-11-23T19:00:00Z'), HOUR, berlin))).toBe('2026-11-24T09:00:00.000Z');
    expect(businessTimeBetween(at('2026-11-23T19:00:00Z'), at('2026-11-24T09:00:00Z'), berlin)).toBe(HOUR);
  });

  it('skips a holiday on a single-digit month and day', () => {
    const withHoliday = { ...berlin, holidays: ['2027-03-05'] };
    // Thursday 4 March 17:00 CET + 2h: 1h that day, Friday 5th off → Monday 8th 10:00 CET.
    expect(iso(addBusinessTime(at('2027-03-04T16:00:00Z'), 2 * HOUR, withHoliday))).toBe('2027-03-08T09:00:00.000Z');
  });

  it('keeps the local date of a zone behind UTC late in its day', () => {
    const losAngeles: BusinessCalendar = { timeZone: 'America/Los_Angeles', hours: { mon: weekdayHours, tue: weekdayHours }, holidays: [] };
    // Monday 23 Nov 17:00 PST is Tuesday 01:00Z: half an hour later is still Monday 17:30 PST.
    expect(iso(addBusinessTime(at('2026-11-24T01:00:00Z'), HOUR / 2, losAngeles))).toBe('2026-11-24T01:30:00.000Z');
  });

  it('opens at half past in a zone half an hour off UTC', () => {
    const kolkata: BusinessCalendar = { timeZone: 'Asia/Kolkata', hours: { mon: { start: '09:30', end: '18:00' } }, holidays: [] };
    // Monday 23 Nov 09:30 IST is 04:00Z; asked at 07:17:42 IST, the clock starts at opening.
    expect(iso(addBusinessTime(at('2026-11-23T01:47:42Z'), HOUR, kolkata))).toBe('2026-11-23T05:00:00.000Z');
    expect(iso(addBusinessTime(at('2026-11-23T05:17:42Z'), HOUR, kolkata))).toBe('2026-11-23T06:17:42.000Z');
  });

  it('opens at the moment the clocks jump to when opening time falls in the spring-forward gap', () => {
    const sundayNight: BusinessCalendar = { timeZone: 'Europe/Berlin', hours: { sun: { start: '02:30', end: '05:00' } }, holidays: [] };
    // 28 Mar 2027: 02:00 CET becomes 03:00 CEST; 02:30 does not exist and is taken as 03:30 CEST (01:30Z).
    expect(iso(addBusinessTime(at('2027-03-28T00:00:00Z'), 1, sundayNight))).toBe('2027-03-28T01:30:00.001Z');
  });

  it("names an instant's date on the zone's calendar, seconds after local midnight and in January too", () => {
    // The day a quality draw samples and a partner review dates its flags by (workflows/quality, workflows/partners).
    expect(localDateOf(at('2026-11-23T23:00:30Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 11, day: 24 });
    expect(localDateOf(at('2026-11-23T23:00:30Z'), 'America/Los_Angeles')).toEqual({ year: 2026, month: 11, day: 23 });
    expect(localDateOf(at('2026-12-31T16:00:59Z'), 'Asia/Shanghai')).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('refuses a calendar with no working hours rather than looking for them for ever', () => {
    const closed: BusinessCalendar = { timeZone: 'Europe/Berlin', hours: {}, holidays: [] };
    expect(() => addBusinessTime(at('2026-11-23T08:00:00Z'), HOUR, closed)).toThrow('calendar Europe/Berlin has no working hours within 3660 days');
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
