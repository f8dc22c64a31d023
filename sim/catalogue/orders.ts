import type { Language, SystemOrder, SystemOrderLine } from '../../activities/types';
import type { Channel } from '../../domain';
import type { BuyingPattern } from './buyingPatterns';
import { electronics, fashion } from './products';
import type { Random } from './random';

/** A seeded customer's orders: where they bought, what, and when it arrived. */

const DAY_MS = 86_400_000;

interface SalesPoint {
  channel: Channel;
  storeId: string | null;
}

/** Where customers who read Chinese buy, and how often, relative to each other; likewise the others. */
const salesPoints: Record<Language, readonly (readonly [SalesPoint, number])[]> = {
  'zh-CN': [
    [{ channel: 'app', storeId: null }, 3],
    [{ channel: 'mini_program', storeId: null }, 3],
    [{ channel: 'marketplace', storeId: 'tmall' }, 3],
    [{ channel: 'marketplace', storeId: 'jd' }, 2],
    [{ channel: 'store', storeId: 'store-shanghai-jingan' }, 2],
    [{ channel: 'store', storeId: 'store-beijing-sanlitun' }, 1],
    [{ channel: 'social', storeId: 'douyin' }, 1],
    [{ channel: 'web', storeId: null }, 1],
  ],
  en: [
    [{ channel: 'web', storeId: null }, 4],
    [{ channel: 'app', storeId: null }, 3],
    [{ channel: 'store', storeId: 'store-berlin-mitte' }, 2],
    [{ channel: 'store', storeId: 'store-munich-maxvorstadt' }, 1],
    [{ channel: 'store', storeId: 'store-hamburg-altona' }, 1],
    [{ channel: 'marketplace', storeId: 'amazon-de' }, 2],
    [{ channel: 'phone', storeId: null }, 1],
    [{ channel: 'social', storeId: 'instagram' }, 1],
  ],
};

/** Lines of distinct products; fashion sometimes two of a kind, electronics one. */
function lines(random: Random, pattern: BuyingPattern, purchasedDaysAgo: number): SystemOrderLine[] {
  const count = random.pickWeighted([
    [1, 6],
    [2, 3],
    [3, 1],
  ]);
  const picked = new Map<string, SystemOrderLine>();
  while (picked.size < count) {
    const isElectronics = random.chance(pattern.electronicsShare);
    const product = random.pick(isElectronics ? electronics : fashion);
    if (picked.has(product.sku)) continue;
    const quantity = !isElectronics && random.chance(0.2) ? 2 : 1;
    // Some older fashion came back already: the order system counts it.
    const returned = !isElectronics && purchasedDaysAgo > 30 && random.chance(0.08) ? quantity : 0;
    picked.set(product.sku, { ...product, quantity, returned });
  }
  return [...picked.values()];
}

export interface Buyer {
  id: string;
  language: Language;
  pattern: BuyingPattern;
}

function order(random: Random, buyer: Buyer, now: number, daysAgo: number): Omit<SystemOrder, 'id'> {
  const { channel, storeId } = random.pickWeighted(salesPoints[buyer.language]);
  // Any time of that day, to the minute.
  const purchased = now - daysAgo * DAY_MS - random.int(0, 24 * 60 - 1) * 60_000;
  // Carried orders arrive a few days later, and the most recent ones have not arrived yet.
  const delivered = channel === 'store' ? purchased : purchased + random.int(1, channel === 'marketplace' ? 6 : 4) * DAY_MS;
  return {
    customerId: buyer.id,
    currency: 'EUR',
    purchasedAt: new Date(purchased).toISOString(),
    deliveredAt: delivered <= now ? new Date(delivered).toISOString() : null,
    channel,
    storeId,
    lines: lines(random, buyer.pattern, daysAgo),
  };
}

/** The customer's orders, without ids: those are numbered once every customer's orders are known. */
export function seededOrders(random: Random, buyer: Buyer, now: number): Omit<SystemOrder, 'id'>[] {
  const { pattern } = buyer;
  const newest = random.int(...pattern.newestDaysAgo);
  const older = Array.from({ length: random.int(...pattern.orders) - 1 }, () => random.int(newest, pattern.oldestDaysAgo));
  return [newest, ...older].map((daysAgo) => order(random, buyer, now, daysAgo));
}
