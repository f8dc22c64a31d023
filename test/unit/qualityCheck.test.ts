import { qualityPolicies } from '../../config/policies/qualityPolicy';
import { type CheckedEvent, checkProcess, rubricErrors, stratumSampleSize, weightedScore } from '../../domain/quality';
import { dayBefore } from '../../workflows/quality/sampleDay';

const { processCheck, rubric } = qualityPolicies.standard;

function timeline(...steps: [string, Record<string, unknown>?][]): CheckedEvent[] {
  return steps.map(([type, data = {}], i) => ({ seq: i + 1, type, at: `2026-12-01T10:0${i}:00.000Z`, data }));
}

describe('the process check', () => {
  it('passes a case that kept every promise', () => {
    const check = checkProcess(
      {
        timeline: timeline(['case.requested'], ['label.issued'], ['refund.issued'], ['case.closed']),
        outcome: 'refunded',
        sentTemplates: ['return_label', 'refund_issued', 'survey_request'],
      },
      processCheck,
    );
    expect(check).toMatchObject({ passed: true, refunds: { ok: true, issued: 1, expected: 1 }, notices: { ok: true, missed: [] } });
  });

  it('pairs each escalation with one breach before it, and leaves alone the clocks the process answers itself', () => {
    const check = checkProcess(
      {
        timeline: timeline(
          ['escalation.started', { reason: 'major incident' }],
          ['sla.breached', { clock: 'first_response' }],
          ['escalation.started'],
          ['sla.breached', { clock: 'solution' }],
          ['sla.breached', { clock: 'review' }],
        ),
        outcome: 'resolved',
        sentTemplates: [],
      },
      processCheck,
    );
    expect(check.deadlines.breaches.map((b) => b.clock)).toEqual(['first_response', 'solution', 'review']);
    expect(check.escalations).toEqual({ ok: false, unescalated: [expect.objectContaining({ clock: 'solution' })] });
  });

  it('wants no refund at all when the outcome moved no money back', () => {
    const check = checkProcess(
      { timeline: timeline(['refund.issued']), outcome: 'exchanged', sentTemplates: ['refund_issued'] },
      processCheck,
    );
    expect(check).toMatchObject({ passed: false, refunds: { ok: false, issued: 1, expected: 0 } });
  });

  it('counts a message per step that owes one: a second booking wants a second message', () => {
    const check = checkProcess(
      { timeline: timeline(['visit.booked'], ['visit.rescheduled']), outcome: 'repaired', sentTemplates: ['visit_booked'] },
      processCheck,
    );
    expect(check.notices).toEqual({ ok: false, missed: [{ template: 'visit_booked', expected: 2, sent: 1 }] });
  });
});

describe('a stratum’s share', () => {
  it.each([
    [0, 0],
    [1, 1],
    [9, 1],
    [10, 1],
    [11, 2],
    [30, 3],
    [31, 4],
  ])('of %i closed cases at 10 %% is %i', (closed, sampled) => {
    expect(stratumSampleSize(closed, 0.1)).toBe(sampled);
  });
});

describe('a review', () => {
  const all = (score: number) => Object.fromEntries(rubric.criteria.map((c) => [c.key, score]));

  it('weighs each criterion’s place on the scale', () => {
    expect(weightedScore(all(5), rubric)).toEqual({ score: 100, passed: true });
    expect(weightedScore(all(1), rubric)).toEqual({ score: 0, passed: false });
    // accuracy (3) and resolution (3) at the top, the rest (5) at the bottom: 6 of 11.
    expect(weightedScore({ ...all(1), accuracy: 5, resolution: 5 }, rubric)).toEqual({ score: 54.5, passed: false });
  });

  it('names each criterion missing, unknown or off the scale', () => {
    const { greeting: _dropped, ...rest } = all(4);
    expect(rubricErrors({ ...rest, empathy: 6, accuracy: 2.5, speed: 3 }, rubric)).toEqual([
      { criterion: 'greeting', message: 'required: 1 to 5' },
      { criterion: 'accuracy', message: 'a whole number from 1 to 5' },
      { criterion: 'empathy', message: 'a whole number from 1 to 5' },
      { criterion: 'speed', message: 'not a criterion of rubric rubric/2026-12-03' },
    ]);
  });
});

describe('the day a draw samples', () => {
  it('is the day before, in the policy’s time zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Berlin.
    expect(dayBefore(new Date('2027-03-01T23:30:00Z'), 'Europe/Berlin')).toBe('2027-03-01');
    expect(dayBefore(new Date('2027-03-01T23:30:00Z'), 'UTC')).toBe('2027-02-28');
  });
});
