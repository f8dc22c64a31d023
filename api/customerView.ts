import type { CustomerOrderSummary, CustomerProfile } from '../activities/types';
import type { SegmentPolicy } from '../config/policies/segmentPolicy';
import { customerRatings } from '../db/customerHistory';
import { listCases } from '../db/caseQueries';
import type { CaseRecord } from '../domain';
import { standingOf } from '../domain/segmentation';
import { processes, processOf } from '../workflows/registry';
import type { ApiDeps } from './deps';
import type { CustomerView } from './schemas/customers';
import { lookUp } from './systemsOfRecord';

const DAY_MS = 86_400_000;
/** More than any customer has; the view is about one customer, not a list to page through. */
const MAX_CASES = 1_000;

/** Who is reading decides how much of the customer they see. */
export interface Reader {
  /** The customer themselves: no internal figures. */
  isCustomer: boolean;
  /** Roles that work cases without needing to reach the customer outside them see the contact masked. */
  masksContact: boolean;
}

/** a•••@example.com: enough to recognise, not enough to write to. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

/** •••••23: the last two digits, as a customer would read them out on the phone. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `•••••${digits.slice(-2)}`;
}

function contactFor(profile: CustomerProfile, reader: Reader): CustomerView['contact'] {
  const { email, phone } = profile.contact;
  if (!reader.masksContact) return { email: email ?? null, phone: phone ?? null };
  return { email: email ? maskEmail(email) : null, phone: phone ? maskPhone(phone) : null };
}

/** Cases opened within the window, by process; orders placed within it; their ratio for returns. */
function last90Days(cases: CaseRecord[], orders: CustomerOrderSummary[], now: Date): CustomerView['last90Days'] {
  const since = now.getTime() - 90 * DAY_MS;
  const recent = cases.filter((c) => Date.parse(c.createdAt) >= since);
  const byProcess = Object.fromEntries(
    processes.map((p) => [p.name, recent.filter((c) => processOf(c.type).name === p.name).length]),
  );
  const orderCount = orders.filter((o) => Date.parse(o.purchasedAt) >= since).length;
  const returns = byProcess.returns ?? 0;
  return { cases: byProcess, orders: orderCount, returnRate: orderCount === 0 ? 0 : returns / orderCount };
}

function ordersSummary(orders: CustomerOrderSummary[], spendLastYear: number): CustomerView['orders'] {
  return {
    count: orders.length,
    lastOrderAt: orders[0]?.purchasedAt ?? null,
    spendLastYear,
    channels: [...new Set(orders.map((o) => o.channel))],
  };
}

/**
 * The whole customer at a glance: the customer system's profile (read now, never stored), their
 * segment from the order history under today's policy, every case, the ratings they gave. Null
 * when the customer system does not know them.
 */
export async function customerView(
  deps: Pick<ApiDeps, 'pool' | 'systems'> & { segments: SegmentPolicy },
  customerId: string,
  reader: Reader,
  now: Date,
): Promise<CustomerView | null> {
  const [profile, orders, cases, ratings] = await Promise.all([
    lookUp('the customer system', () => deps.systems.customers.getCustomer({ customerId })),
    lookUp('the customer system', () => deps.systems.customers.getOrderHistory({ customerId })),
    listCases(deps.pool, { customerId, limit: MAX_CASES }),
    customerRatings(deps.pool, customerId),
  ]);
  if (!profile) return null;
  const standing = standingOf(orders, profile.customerSince, deps.segments, now);
  const internal = reader.isCustomer ? {} : { segment: standing.segment, tags: [...profile.tags, ...standing.tags] };
  return {
    id: profile.id,
    name: profile.name,
    contact: contactFor(profile, reader),
    language: profile.language,
    customerSince: profile.customerSince,
    advisorId: profile.advisorId,
    ...internal,
    consent: profile.consent,
    cases: cases.items,
    ratings,
    last90Days: last90Days(cases.items, orders, now),
    orders: ordersSummary(orders, standing.figures.spendLastYear),
  };
}
