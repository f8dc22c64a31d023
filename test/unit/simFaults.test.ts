import { Faults } from '../../sim/faults';

describe('simulated partner outages', () => {
  it('fails exactly the armed number of calls of that operation with the armed status', () => {
    const faults = new Faults();
    faults.arm({ operation: 'payments.refund', failTimes: 2, status: 502 });
    expect(faults.take('payments.charge')).toBeUndefined();
    expect([faults.take('payments.refund'), faults.take('payments.refund'), faults.take('payments.refund')]).toEqual([
      502,
      502,
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
    expect(faults.take('notifications.party', 'case-b')).toBe(503);
    expect(faults.take('notifications.party', 'case-b')).toBeUndefined();
    expect(faults.take('notifications.party', 'case-a')).toBe(422);
    expect(faults.take('notifications.party', 'case-a')).toBeUndefined();
  });
});
