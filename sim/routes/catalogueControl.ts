import { Router } from 'express';
import { z } from 'zod';
import { CustomerProfileSchema } from '../../activities/customers';
import { instant } from '../../activities/partnerFields';
import type { CustomerOrderSummary, CustomerProfile, SystemOrder, SystemOrderLine } from '../../activities/types';
import { Channel, OrderId } from '../../domain';
import { PartnerBrand } from '../../domain/brands';
import { findProduct } from '../catalogue/products';
import type { CustomerSystem } from '../customerSystem';
import { newId } from '../ids';
import type { OrderSystem } from '../orderSystem';
import { currency, customerId, quantity, sku } from './fields';
import { parseOr400 } from './validation';

/**
 * Orders and customers on demand, for tests and the demo: an order a scenario needs (and its
 * customer), and the seeded customers to choose from.
 */

/** A SKU the catalogue sells takes its category, price and brand from there unless they are given. */
const NewLine = z
  .object({
    sku,
    quantity,
    category: z.string().min(1).max(64).optional(),
    unitPrice: z.number().int().nonnegative().optional(),
    returned: z.number().int().nonnegative().default(0),
    brand: PartnerBrand.optional(),
  })
  .refine((line) => line.returned <= line.quantity, { message: 'more returned than bought', path: ['returned'] })
  .transform((line, ctx): SystemOrderLine => {
    const product = findProduct(line.sku);
    const category = line.category ?? product?.category;
    const unitPrice = line.unitPrice ?? product?.unitPrice;
    if (category === undefined || unitPrice === undefined) {
      ctx.issues.push({ code: 'custom', message: 'not in the catalogue: give category and unitPrice', input: line.sku, path: ['sku'] });
      return z.NEVER;
    }
    const brand = line.brand ?? product?.brand;
    return { sku: line.sku, category, quantity: line.quantity, unitPrice, returned: line.returned, ...(brand && { brand }) };
  });

const NewOrder = z.object({
  /** Generated when absent, as is customerId. */
  id: OrderId.optional(),
  customerId: customerId.optional(),
  /** Creates or updates the customer; an unknown customer without one gets a bare profile. */
  customer: CustomerProfileSchema.omit({ id: true }).partial().optional(),
  channel: Channel.default('web'),
  storeId: z.string().min(1).max(64).nullable().default(null),
  currency: currency.default('EUR'),
  /** Defaults to now. */
  purchasedAt: instant.optional(),
  /** Defaults to the purchase for a store sale, else to not delivered yet (null). */
  deliveredAt: instant.nullable().optional(),
  lines: z
    .array(NewLine)
    .min(1)
    .max(100)
    .refine((lines) => new Set(lines.map((l) => l.sku)).size === lines.length, 'one line per SKU'),
});
type NewOrder = z.infer<typeof NewOrder>;

const CustomerQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  language: CustomerProfileSchema.shape.language.optional(),
  tag: z.string().min(1).optional(),
});

const earliest = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/** The customer after this order: as given, else as known, else bare; a customer since their first known purchase. */
function profileAfter(id: string, order: NewOrder, known: CustomerProfile | undefined, purchasedAt: string): CustomerProfile {
  const base: CustomerProfile = known ?? {
    id,
    name: id,
    contact: {},
    language: 'en',
    tags: [],
    consent: { marketing: false, surveys: false },
    advisorId: null,
    customerSince: purchasedAt,
  };
  return { ...base, customerSince: earliest(base.customerSince, purchasedAt), ...order.customer, id };
}

/** What segmentation would read of a customer: how many orders, how much spent (per currency), how lately. */
function standing({ id, name, language, tags, advisorId }: CustomerProfile, history: CustomerOrderSummary[]) {
  const spend: Record<string, number> = {};
  for (const { total, currency: code } of history) spend[code] = (spend[code] ?? 0) + total;
  const [latest] = history;
  return {
    id,
    name,
    language,
    tags,
    advisorId,
    orders: history.length,
    spend,
    latestOrderId: latest?.orderId ?? null,
    latestPurchaseAt: latest?.purchasedAt ?? null,
  };
}

export function catalogueControlRoutes(deps: { orders: OrderSystem; customers: CustomerSystem }): Router {
  const { orders, customers } = deps;
  const router = Router();

  router.post('/sim/orders', (req, res) => {
    const input = parseOr400(NewOrder, req.body, res);
    if (!input) return;
    const purchasedAt = input.purchasedAt ?? new Date().toISOString();
    const order: SystemOrder = {
      id: input.id ?? newId('ord'),
      customerId: input.customerId ?? newId('cust'),
      currency: input.currency,
      purchasedAt,
      deliveredAt: input.deliveredAt !== undefined ? input.deliveredAt : input.channel === 'store' ? purchasedAt : null,
      channel: input.channel,
      storeId: input.storeId,
      lines: input.lines,
    };
    if (orders.add(order) === 'exists') {
      res.status(409).json({ error: 'order_exists', orderId: order.id });
      return;
    }
    customers.save(profileAfter(order.customerId, input, customers.find(order.customerId), purchasedAt));
    res.status(201).json(order);
  });

  /** The customers to pick a scenario's customer from, in the order they were added. */
  router.get('/sim/customers', (req, res) => {
    const query = parseOr400(CustomerQuery, req.query, res);
    if (!query) return;
    const listed = customers
      .all()
      .filter((c) => query.language === undefined || c.language === query.language)
      .filter((c) => query.tag === undefined || c.tags.includes(query.tag))
      .slice(0, query.limit)
      .map((profile) => standing(profile, customers.history(profile.id) ?? []));
    res.json({ customers: listed });
  });

  return router;
}
