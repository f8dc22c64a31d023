import { Installers } from '../../sim/installers';
import { Ledger } from '../../sim/ledger';

/** When the simulated installer's technicians come: what the installation tests' slots rest on. */
describe('simulated installers', () => {
  const NOW = Date.parse('2026-12-01T15:00:00Z');
  const setup = (times?: { firstInMs: number; everyMs: number; lengthMs: number }) => {
    const ledger = new Ledger();
    return { ledger, installers: new Installers(ledger, times, () => NOW) };
  };
  const fridge = { caseId: 'c-1', orderId: 'ORD-1', sku: 'FRIDGE-9', category: 'large_appliance' };
  const booked = (outcome: ReturnType<Installers['book']>) => {
    if (typeof outcome === 'string') throw new Error(`expected a booking, got ${outcome}`);
    return outcome;
  };

  it('books the first morning at or after the date asked for, never one in the past', () => {
    const { installers } = setup();
    const later = booked(installers.book('homefit', { ...fridge, notBefore: '2026-12-04T10:00:00Z' }));
    const onTheMorning = booked(installers.book('homefit', { ...fridge, notBefore: '2026-12-04T09:00:00Z' }));
    const past = booked(installers.book('homefit', { ...fridge, notBefore: '2026-11-01T00:00:00Z' }));

    expect(later.slot).toMatchObject({ start: '2026-12-05T09:00:00.000Z', end: '2026-12-05T12:00:00.000Z' });
    expect(onTheMorning.slot.start).toBe('2026-12-04T09:00:00.000Z');
    expect(past.slot.start).toBe('2026-12-02T09:00:00.000Z');
  });

  it('moves a job to another slot, even when asked for the same date again', () => {
    const { installers, ledger } = setup();
    const job = booked(installers.book('homefit', { ...fridge, notBefore: '2026-12-04T08:00:00Z' }));
    const first = job.slot;
    const moved = installers.reschedule('homefit', job.jobId, '2026-12-04T08:00:00Z');
    const movedBack = installers.reschedule('homefit', job.jobId, '2026-12-04T08:00:00Z');

    expect(first.start).toBe('2026-12-04T09:00:00.000Z');
    expect(moved).toMatchObject({ slot: { start: '2026-12-05T09:00:00.000Z' } });
    expect(movedBack).toMatchObject({ slot: { start: '2026-12-04T09:00:00.000Z' } });
    expect(ledger.list('c-1').installations.map((r) => [r.action, r.slot.start])).toEqual([
      ['booked', '2026-12-04T09:00:00.000Z'],
      ['rescheduled', '2026-12-05T09:00:00.000Z'],
      ['rescheduled', '2026-12-04T09:00:00.000Z'],
    ]);
  });

  it('cancels a job once, and will not move it afterwards', () => {
    const { installers, ledger } = setup();
    const job = booked(installers.book('homefit', { ...fridge, notBefore: '2026-12-04T08:00:00Z' }));

    expect(installers.cancel('homefit', job.jobId)).toMatchObject({ cancelled: true });
    expect(installers.cancel('homefit', job.jobId)).toMatchObject({ cancelled: true });
    expect(installers.reschedule('homefit', job.jobId, '2026-12-06T08:00:00Z')).toBe('cancelled');
    expect(ledger.list('c-1').installations.map((r) => r.action)).toEqual(['booked', 'cancelled']);
  });

  it('knows only its installers, the goods they install, and a job under its own installer and case', () => {
    const { installers } = setup();
    const job = booked(installers.book('homefit', { ...fridge, notBefore: '2026-12-04T08:00:00Z' }));

    expect(installers.book('fitall', { ...fridge, notBefore: '2026-12-04T08:00:00Z' })).toBe('unknown_installer');
    expect(installers.book('homefit', { ...fridge, sku: 'PHONE-X', category: 'phone', notBefore: '2026-12-04T08:00:00Z' })).toBe(
      'category_not_served',
    );
    expect(installers.book('homefit', { ...fridge, sku: 'TV-55', category: 'tv', notBefore: '2026-12-04T08:00:00Z' })).toMatchObject({
      sku: 'TV-55',
    });
    expect(installers.reschedule('fitall', job.jobId, '2026-12-06T08:00:00Z')).toBe('not_found');
    expect(installers.reschedule('homefit', job.jobId, '2026-12-06T08:00:00Z', 'c-2')).toBe('not_found');
    expect(installers.cancel('homefit', 'inst_unknown')).toBe('not_found');
    expect(installers.book('constructor', { ...fridge, notBefore: '2026-12-04T08:00:00Z' })).toBe('unknown_installer');
  });

  it('times slots from the date asked for when the technicians are timed for a demo', () => {
    const { installers } = setup({ firstInMs: 500, everyMs: 1_000, lengthMs: 300 });
    const job = booked(installers.book('homefit', { ...fridge, notBefore: '2026-12-01T15:00:10Z' }));
    const moved = installers.reschedule('homefit', job.jobId, '2026-12-01T15:00:10Z');

    expect(job.slot).toMatchObject({ start: '2026-12-01T15:00:10.500Z', end: '2026-12-01T15:00:10.800Z' });
    expect(moved).toMatchObject({ slot: { start: '2026-12-01T15:00:11.500Z' } });
  });
});
