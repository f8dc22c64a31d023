import { clockState, formatSpan } from '../../web/src/pages/console/slaClock';

/** The console's SLA countdown (docs/web.md): when its colour and words turn, and how it reads. */

const opened = '2026-12-01T09:00:00.000Z';
const due = '2026-12-01T10:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

it('is on track until the warning share of the time to the deadline is used, then warns, then is breached at the deadline', () => {
  expect(clockState(at('2026-12-01T09:47:59.000Z'), due, opened, 0.8)).toBe('onTrack');
  expect(clockState(at('2026-12-01T09:48:00.000Z'), due, opened, 0.8)).toBe('warning');
  expect(clockState(at('2026-12-01T09:59:59.000Z'), due, opened, 0.8)).toBe('warning');
  expect(clockState(at(due), due, opened, 0.8)).toBe('breached');
  // Unknown warning share (settings not loaded yet): only the breach is certain.
  expect(clockState(at('2026-12-01T09:59:59.000Z'), due, opened, 1)).toBe('onTrack');
});

it('reads as minutes and seconds, hours when there are any, days when there are any', () => {
  expect(formatSpan(9 * 60_000 + 5_000)).toBe('09:05');
  expect(formatSpan(-(65 * 60_000))).toBe('01:05:00');
  expect(formatSpan(26 * 3_600_000 + 3_000)).toBe('1 d 02:00:03');
});
