import { HttpProblem } from '../problem';

/**
 * A partner's clock may run as far ahead of ours as the signature tolerance lets a signed request's
 * timestamp run, and no further: an event dated beyond that has not happened yet (a wrong zone, a
 * typo), and taken now it would date the case's steps, deadlines and figures wrongly.
 */
export function refuseEventAhead(occurredAt: string, toleranceSeconds: number, now = Date.now()): void {
  const latest = new Date(now + toleranceSeconds * 1000).toISOString();
  if (Date.parse(occurredAt) <= Date.parse(latest)) return;
  const message = `must not be later than ${latest}: our clock and the ${toleranceSeconds} s partner clocks may run ahead`;
  throw new HttpProblem('event-in-future', `the event is dated ${occurredAt}, which has not happened yet`, {
    errors: [{ in: 'body', path: 'occurredAt', message }],
  });
}
