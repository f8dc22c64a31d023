import type { CustomerProfile, SystemOrder } from '../../activities/types';
import { buyingPatterns } from './buyingPatterns';
import { seededProfile } from './customers';
import { seededOrders } from './orders';
import { seededRandom } from './random';

/**
 * The customers and orders the simulated order and customer systems start with: the same ones on
 * every start with the same seed, dated relative to `now` so that "bought last week" stays true.
 */

const DEFAULT_SEED = 20_250_611;
const CUSTOMERS = 300;

export interface Catalogue {
  customers: CustomerProfile[];
  /** Oldest first, numbered in that order. */
  orders: SystemOrder[];
}

export function seedCatalogue(opts: { now: Date; seed?: number }): Catalogue {
  const random = seededRandom(opts.seed ?? DEFAULT_SEED);
  const now = opts.now.getTime();
  const customers: CustomerProfile[] = [];
  const drafts: Omit<SystemOrder, 'id'>[] = [];
  for (let n = 1; n <= CUSTOMERS; n += 1) {
    const pattern = random.pickWeighted(buyingPatterns.map((p) => [p, p.weight] as const));
    const profile = seededProfile(random, `cust-${String(n).padStart(4, '0')}`, pattern.name);
    const own = seededOrders(random, { id: profile.id, language: profile.language, pattern }, now);
    // Every pattern buys at least once; ISO instants in UTC compare as text.
    const customerSince = own.map((o) => o.purchasedAt).reduce((first, at) => (at < first ? at : first));
    customers.push({ ...profile, customerSince });
    drafts.push(...own);
  }
  const orders = drafts
    .sort((a, b) => Date.parse(a.purchasedAt) - Date.parse(b.purchasedAt))
    .map((draft, i) => ({ id: `ord-${100_001 + i}`, ...draft }));
  return { customers, orders };
}
