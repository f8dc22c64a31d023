import { hours, minutes, seconds } from '../../config/policies/duration';
import { SlaPolicy, type SlaSubject, slaPolicies, slaTarget } from '../../config/policies/slaPolicy';

/** Which target a case's clock runs to: the most specific rule of its pinned policy. */

const { standard, demo } = slaPolicies;
const complaint: SlaSubject = { caseType: 'complaint', segment: 'standard', priority: 'normal', channel: 'web' };

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

  it('accept the profiles that ship', () => {
    expect(SlaPolicy.parse(standard)).toEqual(standard);
    expect(SlaPolicy.parse(demo)).toEqual(demo);
  });
});
