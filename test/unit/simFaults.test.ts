import { FaultRequest, Faults } from '../../sim/faults';

const outage = (status: number) => ({ when: 'before_reading', status });

describe('simulated partner faults', () => {
  it('fails exactly the armed number of calls of that operation with the armed status', () => {
    const faults = new Faults();
    faults.arm({ operation: 'payments.refund', failTimes: 2, status: 502 });
    expect(faults.take('payments.charge')).toBeUndefined();
    expect([faults.take('payments.refund'), faults.take('payments.refund'), faults.take('payments.refund')]).toEqual([
      outage(502),
      outage(502),
      undefined,
    ]);
  });

  it('disarms an operation when armed with zero failures', () => {
    const faults = new Faults();
    faults.arm({ operation: 'logistics.label', failTimes: 3, status: 503 });
    faults.arm({ operation: 'logistics.label', failTimes: 0, status: 503 });
    expect(faults.take('logistics.label')).toBeUndefined();
  });

  it('fails only the calls of the case a fault is armed for, before any fault for every case', () => {
    const faults = new Faults();
    faults.arm({ operation: 'notifications.party', caseId: 'case-a', failTimes: 1, status: 422 });
    faults.arm({ operation: 'notifications.party', failTimes: 1, status: 503 });
    expect(faults.take('notifications.party', 'case-b')).toEqual(outage(503));
    expect(faults.take('notifications.party', 'case-b')).toBeUndefined();
    expect(faults.take('notifications.party', 'case-a')).toEqual(outage(422));
    expect(faults.take('notifications.party', 'case-a')).toBeUndefined();
  });

  it('loses the answer of a call the partner has acted on: an error in its place, or the answer late', () => {
    const faults = new Faults();
    faults.arm(FaultRequest.parse({ operation: 'payments.refund', caseId: 'case-a', failTimes: 1, when: 'after_recording' }));
    faults.arm(FaultRequest.parse({ operation: 'payments.refund', caseId: 'case-b', failTimes: 1, when: 'after_recording', delayMs: 3_000 }));
    expect(faults.take('payments.refund', 'case-a')).toEqual({ when: 'after_recording', status: 503 });
    expect(faults.take('payments.refund', 'case-b')).toEqual({ when: 'after_recording', delayMs: 3_000 });
  });

  it('refuses a late answer from a partner that has not acted', () => {
    const late = FaultRequest.safeParse({ operation: 'payments.refund', failTimes: 1, delayMs: 3_000 });
    expect(late.success).toBe(false);
    expect(late.error?.issues.map((issue) => issue.path)).toEqual([['delayMs']]);
  });

  it('keeps a partner down for a time, every call however many, and up again once it is over', () => {
    let now = 1_000;
    const faults = new Faults(() => now);
    faults.arm(FaultRequest.parse({ operation: 'payments.refund', forMs: 120_000 }));
    const calls = Array.from({ length: 1_500 }, () => faults.take('payments.refund'));
    expect(calls.every((fault) => fault?.when === 'before_reading' && fault.status === 503)).toBe(true);
    now += 119_999;
    expect(faults.take('payments.refund')).toEqual(outage(503));
    now += 1;
    expect(faults.take('payments.refund')).toBeUndefined();
  });

  it('lets a case whose own outage is over meet the outage of every case', () => {
    let now = 0;
    const faults = new Faults(() => now);
    faults.arm({ operation: 'payments.refund', caseId: 'case-a', forMs: 1_000, status: 502 });
    faults.arm({ operation: 'payments.refund', forMs: 5_000, status: 503 });
    expect(faults.take('payments.refund', 'case-a')).toEqual(outage(502));
    now = 1_000;
    expect(faults.take('payments.refund', 'case-a')).toEqual(outage(503));
  });

  it('refuses a fault that says neither how many calls fail nor for how long, or both', () => {
    const neither = FaultRequest.safeParse({ operation: 'payments.refund' });
    const both = FaultRequest.safeParse({ operation: 'payments.refund', failTimes: 2, forMs: 1_000 });
    expect([neither.success, both.success]).toEqual([false, false]);
    expect(neither.error?.issues.map((issue) => issue.path)).toEqual([['failTimes']]);
  });
});
