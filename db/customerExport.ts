import type { Pool } from 'pg';
import type { CaseEvent, CaseRecord } from '../domain';
import { getTimeline, listCases } from './caseQueries';
import { customerRatings, type CustomerRating } from './customerHistory';

/** One customer's data as the access right hands it over (GET /v1/customers/:id/data). */
export interface CustomerData {
  customerId: string;
  exportedAt: string;
  cases: (CaseRecord & { timeline: CaseEvent[]; notifications: { template: string; messageId: string; sentAt: string }[] })[];
  ratings: CustomerRating[];
}

const PAGE = 200;

/** Every case of the customer, newest first, a page at a time: an export is complete however many there are. */
async function allCases(pool: Pool, customerId: string): Promise<CaseRecord[]> {
  const cases: CaseRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCases(pool, { customerId, limit: PAGE, cursor });
    cases.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return cases;
}

/** Everything the service's stores hold of the customer (the customer system's profile is that system's to export). */
export async function customerDataExport(pool: Pool, customerId: string, now: Date): Promise<CustomerData> {
  const cases = (await allCases(pool, customerId)).reverse();
  const ids = cases.map((c) => c.id);
  const [timelines, sent, ratings] = await Promise.all([
    Promise.all(ids.map((id) => getTimeline(pool, id))),
    pool.query<{ case_id: string; template: string; message_id: string; sent_at: string }>(
      'SELECT case_id, template, message_id, sent_at FROM case_notifications WHERE case_id = ANY ($1::text[]) ORDER BY sent_at, idempotency_key',
      [ids],
    ),
    customerRatings(pool, customerId),
  ]);
  return {
    customerId,
    exportedAt: now.toISOString(),
    cases: cases.map((record, i) => ({
      ...record,
      timeline: timelines[i]!,
      notifications: sent.rows.filter((n) => n.case_id === record.id).map((n) => ({ template: n.template, messageId: n.message_id, sentAt: n.sent_at })),
    })),
    ratings,
  };
}

/** What an export handed over, for its audit record. */
export function exportCounts(data: CustomerData): Record<string, number> {
  return {
    cases: data.cases.length,
    events: data.cases.reduce((n, c) => n + c.timeline.length, 0),
    notifications: data.cases.reduce((n, c) => n + c.notifications.length, 0),
    ratings: data.ratings.length,
  };
}
