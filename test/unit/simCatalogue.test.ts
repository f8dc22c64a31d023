import type { SystemOrder } from '../../activities/types';
import { defaultAgents } from '../../db/seedAgents';
import { findProduct, partnerBrands } from '../../sim/catalogue/products';
import { seedCatalogue } from '../../sim/catalogue/seedCatalogue';
import { ProductCategory } from '../../workflows/repairs/vocabulary';

/** The customers and orders the simulated order and customer systems start with. */
describe("the simulator's seeded catalogue", () => {
  const DAY_MS = 86_400_000;
  const now = new Date('2025-06-02T12:00:00.000Z');
  const catalogue = seedCatalogue({ now });
  const daysAgo = (at: string) => (now.getTime() - Date.parse(at)) / DAY_MS;
  const share = (count: number) => count / catalogue.customers.length;

  it('is the same for the same seed, another for another seed', () => {
    const other = seedCatalogue({ now, seed: 7 });

    expect(seedCatalogue({ now })).toEqual(catalogue);
    expect(other.customers.slice(0, 10)).not.toEqual(catalogue.customers.slice(0, 10));
    expect(other.orders.slice(0, 10)).not.toEqual(catalogue.orders.slice(0, 10));
  });

  it('is dated relative to now: started ten days later, every date is ten days later', () => {
    const later = (at: string) => new Date(Date.parse(at) + 10 * DAY_MS).toISOString();
    const shifted = seedCatalogue({ now: new Date(now.getTime() + 10 * DAY_MS) });

    expect(shifted.orders).toEqual(
      catalogue.orders.map((o) => ({ ...o, purchasedAt: later(o.purchasedAt), deliveredAt: o.deliveredAt && later(o.deliveredAt) })),
    );
    expect(shifted.customers).toEqual(catalogue.customers.map((c) => ({ ...c, customerSince: later(c.customerSince) })));
  });

  it('holds about 300 customers and two years of their orders, delivered after purchase (at once in a store), the latest few not yet', () => {
    expect(catalogue.customers.length).toBe(300);
    expect(new Set(catalogue.orders.map((o) => o.id)).size).toBe(catalogue.orders.length);
    expect(catalogue.orders.length).toBeGreaterThan(1_000);

    const ages = catalogue.orders.map((o) => daysAgo(o.purchasedAt));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeGreaterThan(700);
    expect(Math.max(...ages)).toBeLessThanOrEqual(731);

    const delivered = catalogue.orders.filter((o): o is SystemOrder & { deliveredAt: string } => o.deliveredAt !== null);
    expect(delivered.every((o) => Date.parse(o.deliveredAt) >= Date.parse(o.purchasedAt) && Date.parse(o.deliveredAt) <= now.getTime())).toBe(true);
    expect(catalogue.orders.filter((o) => o.channel === 'store').every((o) => o.deliveredAt === o.purchasedAt)).toBe(true);
    const undelivered = catalogue.orders.filter((o) => o.deliveredAt === null);
    expect(undelivered.length).toBeGreaterThan(0);
    expect(undelivered.every((o) => daysAgo(o.purchasedAt) < 7)).toBe(true);
  });

  it('sells in stores, on marketplaces and in the own channels', () => {
    const sold = new Set(catalogue.orders.map((o) => `${o.channel} ${o.storeId ?? ''}`.trim()));
    for (const place of ['web', 'app', 'mini_program', 'store store-berlin-mitte', 'store store-shanghai-jingan', 'marketplace tmall', 'marketplace jd', 'marketplace amazon-de']) {
      expect(sold).toContain(place);
    }
  });

  it('has customers who read Chinese, named in Chinese characters, and customers who read English, named in Latin letters', () => {
    const zh = catalogue.customers.filter((c) => c.language === 'zh-CN');
    const en = catalogue.customers.filter((c) => c.language === 'en');

    expect(zh.length + en.length).toBe(catalogue.customers.length);
    expect(share(zh.length)).toBeGreaterThan(0.3);
    expect(share(en.length)).toBeGreaterThan(0.3);
    expect(zh.every((c) => /^\p{Script=Han}{2,3}$/u.test(c.name))).toBe(true);
    expect(en.every((c) => /^\p{Script=Latin}+ [\p{Script=Latin}']+$/u.test(c.name))).toBe(true);
  });

  it('gives every customer a way to be reached that reaches nobody real', () => {
    for (const { contact } of catalogue.customers) {
      expect(contact.email ?? contact.phone).toBeDefined();
      if (contact.email) expect(contact.email).toMatch(/^[a-z.]+\d+@example\.(com|org|net)$/);
      if (contact.phone) expect(contact.phone).toMatch(/^\+\d+ 555[- ]/);
    }
  });

  it('makes the customer a customer since their first order, and every order a known customer’s', () => {
    const known = new Set(catalogue.customers.map((c) => c.id));
    expect(catalogue.orders.every((o) => known.has(o.customerId))).toBe(true);
    for (const customer of catalogue.customers) {
      const first = catalogue.orders.find((o) => o.customerId === customer.id);
      expect(customer.customerSince).toBe(first?.purchasedAt);
    }
  });

  it('spreads customers over recency, frequency and spend, most of them in between', () => {
    const standings = catalogue.customers.map((c) => {
      const orders = catalogue.orders.filter((o) => o.customerId === c.id);
      const spend = orders.flatMap((o) => o.lines).reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
      return { orders: orders.length, spend, recency: Math.min(...orders.map((o) => daysAgo(o.purchasedAt))) };
    });
    const bigRecentSpenders = standings.filter((s) => s.spend >= 500_000 && s.recency <= 30);
    const frequent = standings.filter((s) => s.orders >= 10);
    const onceRecently = standings.filter((s) => s.orders === 1 && s.recency <= 30);
    const lapsed = standings.filter((s) => s.recency > 365);
    const extremes = new Set([...bigRecentSpenders, ...frequent, ...onceRecently, ...lapsed]);

    for (const kind of [bigRecentSpenders, frequent, onceRecently, lapsed]) expect(share(kind.length)).toBeGreaterThan(0.03);
    expect(share(catalogue.customers.length - extremes.size)).toBeGreaterThan(0.5);
  });

  it('gives a few customers a dedicated advisor, always an agent of the local roster', () => {
    const advisors = catalogue.customers.flatMap((c) => (c.advisorId === null ? [] : [c.advisorId]));
    const roster = defaultAgents.map((a) => a.id);

    expect(advisors.length).toBeGreaterThan(0);
    expect(share(advisors.length)).toBeLessThan(0.1);
    for (const advisor of advisors) expect(roster).toContain(advisor);
  });

  it('tags some customers, as wholesale, press or employee', () => {
    const tags = catalogue.customers.flatMap((c) => c.tags);
    expect(new Set(tags)).toEqual(new Set(['wholesale', 'press', 'employee']));
    expect(share(catalogue.customers.filter((c) => c.tags.length > 0).length)).toBeLessThan(0.2);
  });

  it('sells the SKUs the demo and recorded scenarios use, electronics in categories the repair process routes', () => {
    const demo: [string, string][] = [
      ['SNEAKER-42', 'shoes'],
      ['SNEAKER-43', 'shoes'],
      ['HOODIE-M', 'apparel'],
      ['HOODIE-L', 'apparel'],
      ['PHONE-X', 'phone'],
      ['LAPTOP-14', 'laptop'],
      ['LAPTOP-15', 'laptop'],
      ['BUDS-2', 'headphones'],
      ['TV-55', 'tv'],
      ['FRIDGE-9', 'large_appliance'],
      ['WASHER-7', 'large_appliance'],
    ];
    for (const [sku, category] of demo) expect(findProduct(sku)).toMatchObject({ sku, category });

    const lines = catalogue.orders.flatMap((o) => o.lines);
    const categories = new Set(lines.map((l) => l.category));
    expect(categories).toEqual(new Set([...ProductCategory.options, 'shoes', 'apparel']));
    expect(lines.every((l) => l.returned <= l.quantity && l.unitPrice === findProduct(l.sku)?.unitPrice)).toBe(true);
    // Some fashion came back before the simulator started; electronics go to repair instead.
    expect(lines.some((l) => l.returned > 0)).toBe(true);
  });

  it('files most products under partner brands and the basics under the shop’s own label, and so does every order line', () => {
    expect(findProduct('SNEAKER-42')?.brand).toBe('stride');
    expect(findProduct('TV-55')?.brand).toBe('polaris');
    expect(findProduct('HOODIE-M')?.brand).toBeUndefined();

    const lines = catalogue.orders.flatMap((o) => o.lines);
    expect(new Set(lines.map((l) => l.brand))).toEqual(new Set([...partnerBrands, undefined]));
    expect(lines.every((l) => l.brand === findProduct(l.sku)?.brand)).toBe(true);
  });
});
