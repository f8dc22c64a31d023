import { hours, minutes, seconds } from '../../config/policies/duration';
import { BusinessCalendar, type SlaClockName, SlaPolicy, type SlaSubject, slaPolicies, slaTarget } from '../../config/policies/slaPolicy';
import { addBusinessTime } from '../../workflows/lib/businessCalendar';

/** Which target a case's clock runs to: the most specific rule of its pinned policy. */

const { standard, demo } = slaPolicies;
const complaint: SlaSubject = { caseType: 'complaint', segment: 'standard', priority: 'normal', channel: 'web' };
const inquiry: SlaSubject = { ...complaint, caseType: 'inquiry' };
const returnCase: SlaSubject = { ...complaint, caseType: 'return' };
const iso = (ms: number) => new Date(ms).toISOString();

describe('service-level targets', () => {
  it("give each clock the most specific matching rule's target, in business hours where the rule says so", () => {
    expect(slaTarget(standard, 'first_response', complaint)).toEqual({
      clock: 'first_response',
      targetMs: minutes(30),
      calendar: standard.calendar,
      warnAt: 0.8,
    });
    expect(slaTarget(standard, 'first_response', { ...complaint, segment: 'high_value' })?.targetMs).toBe(minutes(15));
    expect(slaTarget(standard, 'first_response', { ...complaint, channel: 'phone' })?.targetMs).toBe(seconds(30));
    expect(slaTarget(standard, 'solution', { ...complaint, priority: 'low' })?.targetMs).toBe(hours(24));
    // A rule with an empty match applies to every case type.
    expect(slaTarget(standard, 'verification', complaint)).toEqual({ clock: 'verification', targetMs: hours(72), calendar: null, warnAt: 0.8 });
    expect(slaTarget(standard, 'first_response', { ...complaint, caseType: 'inquiry' })).toMatchObject({ targetMs: seconds(30), calendar: null });
  });

  it.each<[string, SlaClockName, SlaSubject, number, 'working hours' | 'round the clock']>([
    ['a complaint', 'first_response', complaint, minutes(30), 'working hours'],
    ["a high-value customer's complaint", 'first_response', { ...complaint, segment: 'high_value' }, minutes(15), 'working hours'],
    ['a complaint by phone', 'first_response', { ...complaint, channel: 'phone' }, seconds(30), 'working hours'],
    ['a complaint', 'solution', complaint, hours(4), 'working hours'],
    ['a low-priority complaint', 'solution', { ...complaint, priority: 'low' }, hours(24), 'working hours'],
    ["a high-value customer's complaint", 'solution', { ...complaint, segment: 'high_value' }, hours(2), 'working hours'],
    ['an inquiry (answered automatically)', 'first_response', inquiry, seconds(30), 'round the clock'],
    ['an inquiry', 'solution', inquiry, hours(1), 'working hours'],
    ['a complaint', 'verification', complaint, hours(72), 'round the clock'],
    ['a return', 'review', returnCase, hours(24), 'working hours'],
  ])('give %s a %s target in the standard profile as docs/policies.md lists it', (_what, clock, subject, targetMs, counted) => {
    expect(slaTarget(standard, clock, subject)).toEqual({
      clock,
      targetMs,
      calendar: counted === 'working hours' ? standard.calendar : null,
      warnAt: 0.8,
    });
  });

  it('give a return no first-response or solution clock: those are promises of complaints and inquiries', () => {
    expect(slaTarget(standard, 'first_response', returnCase)).toBeNull();
    expect(slaTarget(standard, 'solution', returnCase)).toBeNull();
    expect(slaTarget(standard, 'solution', { ...returnCase, segment: 'high_value' })).toBeNull();
  });

  it("count the standard profile's working hours in Berlin: weekdays 9 to 18, Saturdays 10 to 16, closed on Sundays and holidays", () => {
    const { targetMs, calendar } = slaTarget(standard, 'first_response', complaint)!;
    const due = (asked: string) => iso(addBusinessTime(Date.parse(asked), targetMs, calendar));
    // Friday 27 Nov 2026 17:50 CET: ten minutes that evening, twenty from Saturday's opening at 10:00.
    expect(due('2026-11-27T16:50:00Z')).toBe('2026-11-28T09:20:00.000Z');
    // Saturday 15:50: ten minutes before 16:00, Sunday closed, twenty from Monday's 09:00.
    expect(due('2026-11-28T14:50:00Z')).toBe('2026-11-30T08:20:00.000Z');
    // Thursday 24 Dec 17:50: Christmas Day and Boxing Day (Friday, Saturday) closed, Sunday too.
    expect(due('2026-12-24T16:50:00Z')).toBe('2026-12-28T08:20:00.000Z');
  });

  it('match a field a rule leaves undefined (as a profile written in code may) whatever the case has, adding nothing to its weight', () => {
    const rule = (match: Record<string, string | undefined>, targetMs: number) => ({ clock: 'review' as const, match, targetMs, businessHours: false });
    const policy = {
      ...standard,
      rules: [rule({ caseType: 'complaint', channel: 'phone' }, hours(1)), rule({ caseType: 'complaint', segment: undefined, priority: undefined }, hours(2))],
    } as SlaPolicy;
    expect(slaTarget(policy, 'review', complaint)?.targetMs).toBe(hours(2));
    expect(slaTarget(policy, 'review', { ...complaint, channel: 'phone' })?.targetMs).toBe(hours(1));
  });

  it('give a tie to the earlier rule, and no target where no rule matches', () => {
    // High value and phone each match one field more than the plain complaint rule: the earlier wins.
    expect(slaTarget(standard, 'first_response', { ...complaint, segment: 'high_value', channel: 'phone' })?.targetMs).toBe(minutes(15));
    expect(slaTarget(standard, 'first_response', { ...complaint, caseType: 'return' })).toBeNull();
    expect(slaTarget({ ...standard, rules: standard.rules.filter((r) => r.clock !== 'review') }, 'review', complaint)).toBeNull();
  });

  it('match a case opened before segments by the tier it pinned', () => {
    const pinned = { ...standard, rules: [...standard.rules, { clock: 'review' as const, match: { tier: 'vip' }, targetMs: hours(2), businessHours: true }] };
    expect(slaTarget(pinned as SlaPolicy, 'review', { ...complaint, segment: undefined, tier: 'vip' })?.targetMs).toBe(hours(2));
    expect(slaTarget(pinned as SlaPolicy, 'review', complaint)?.targetMs).toBe(hours(24));
  });

  it('run round the clock and in seconds in the demo profile', () => {
    expect(slaTarget(demo, 'solution', { ...complaint, priority: 'low' })).toMatchObject({ targetMs: seconds(20), calendar: null });
    expect(slaTarget(demo, 'first_response', { ...complaint, channel: 'phone' })).toMatchObject({ targetMs: seconds(20), calendar: null });
    expect(demo.rules).toHaveLength(standard.rules.length);
  });

  it.each([
    ['opening hours that are not HH:MM', { calendar: { ...standard.calendar, hours: { mon: { start: '09:00', end: '24:00' } } } }, 'calendar.hours.mon.end'],
    ['a day that closes before it opens', { calendar: { ...standard.calendar, hours: { mon: { start: '18:00', end: '09:00' } } } }, 'calendar.hours.mon'],
    ['opening hours with seconds', { calendar: { ...standard.calendar, hours: { mon: { start: '09:00:00', end: '18:00' } } } }, 'calendar.hours.mon.start'],
    ['opening hours with a space before them', { calendar: { ...standard.calendar, hours: { mon: { start: ' 09:00', end: '18:00' } } } }, 'calendar.hours.mon.start'],
    ['a day that opens and closes at the same time', { calendar: { ...standard.calendar, hours: { mon: { start: '09:00', end: '09:00' } } } }, 'calendar.hours.mon'],
    ['an unknown time zone', { calendar: { ...standard.calendar, timeZone: 'Europe/Atlantis' } }, 'calendar.timeZone'],
    ['a holiday that is not a date', { calendar: { ...standard.calendar, holidays: ['25.12.2026'] } }, 'calendar.holidays.0'],
    ['a warning at the target', { warnAt: 1 }, 'warnAt'],
    ['a warning at the start', { warnAt: 0 }, 'warnAt'],
    ['no rules', { rules: [] }, 'rules'],
    ['a case type no process registers', { rules: [{ clock: 'review', match: { caseType: 'teleport' }, targetMs: 1, businessHours: false }] }, 'rules.0.match.caseType'],
    ['a target of zero', { rules: [{ clock: 'review', match: {}, targetMs: 0, businessHours: false }] }, 'rules.0.targetMs'],
  ])('refuse a policy with %s', (_what, change, path) => {
    const parsed = SlaPolicy.safeParse({ ...standard, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });

  it('say what is wrong with a refused policy in words its author can act on', () => {
    const messages = (change: object) => SlaPolicy.safeParse({ ...standard, ...change }).error?.issues.map((issue) => issue.message);
    const monday = (hours: object) => ({ calendar: { ...standard.calendar, hours: { mon: hours } } });
    expect(messages(monday({ start: '09:00', end: '6 pm' }))).toEqual(['HH:MM']);
    // An hour without its leading zero is refused for its form alone, not also as closing first ("9:00" > "18:00").
    expect(messages(monday({ start: '9:00', end: '18:00' }))).toEqual(['HH:MM']);
    expect(messages(monday({ start: '18:00', end: '09:00' }))).toEqual(['opens before it closes']);
    expect(messages({ calendar: { ...standard.calendar, timeZone: 'CEST' } })).toEqual(['an IANA time zone']);
    expect(messages({ rules: [{ clock: 'review', match: { caseType: 'teleport' }, targetMs: 1, businessHours: false }] })).toEqual([
      'a case type of a registered process',
    ]);
  });

  it('accept opening hours on every day of the week', () => {
    const open = { start: '10:00', end: '14:00' };
    const everyDay = { mon: open, tue: open, wed: open, thu: open, fri: open, sat: open, sun: open };
    expect(BusinessCalendar.parse({ ...standard.calendar, hours: everyDay }).hours).toEqual(everyDay);
  });

  it('accept the profiles that ship', () => {
    expect(SlaPolicy.parse(standard)).toEqual(standard);
    expect(SlaPolicy.parse(demo)).toEqual(demo);
  });
});
