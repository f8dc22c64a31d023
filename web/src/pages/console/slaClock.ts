/** Where a service-level clock stands: the words the console shows beside its colour. */
export type ClockState = 'onTrack' | 'warning' | 'breached';

/**
 * A clock warns once the policy's share of its target is used (docs/policies.md, "Service
 * levels"): counted here from `startedAt` (when the case opened) to its due time, so a clock
 * whose target counts working hours only is judged on the wall clock between the two.
 */
export function clockState(now: number, dueAt: string, startedAt: string, warnAt: number): ClockState {
  const due = Date.parse(dueAt);
  if (now >= due) return 'breached';
  const start = Math.min(Date.parse(startedAt), due);
  return now >= start + (due - start) * warnAt ? 'warning' : 'onTrack';
}

/** "1 d 02:03:04", "02:03:04", "03:04": the time between now and the due time, either way. */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = [Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60];
  const hms = clock[0] === 0 && days === 0 ? `${pad(clock[1]!)}:${pad(clock[2]!)}` : clock.map(pad).join(':');
  return days > 0 ? `${days} d ${hms}` : hms;
}
