import { randomUUID } from 'node:crypto';
import type { Segment } from '../../domain/customer';
import { daysAgo, expectCustomer, historyFor, type OrderSeed } from './records';

/** Who a request is for, and what the systems of record know of them. */
export interface RecordOptions {
  /** The segment the customer's history puts them in; standard unless said. */
  segment?: Segment;
  advisorId?: string;
  language?: 'zh-CN' | 'en';
}

type Overrides = Record<string, unknown> & { customer?: { id: string }; orderId?: string };

/**
 * A customer of the request: a fresh one, whose history the simulator is told (see records.ts),
 * or the one the overrides name, with an order for it unless the overrides name one.
 */
function requestFor(overrides: Overrides, order: (id: string) => OrderSeed | null, options: RecordOptions) {
  const id = randomUUID().slice(0, 8);
  const customer = overrides.customer ?? { id: `cust-${id}` };
  const seeded = overrides.orderId === undefined ? order(id) : null;
  const fresh = overrides.customer === undefined;
  const profile = {
    name: `Test Customer ${id}`,
    contact: { email: `shopper-${id}@example.com`, phone: '+49 30 5550123' },
    language: options.language ?? 'en',
    advisorId: options.advisorId ?? null,
  };
  const history = fresh ? historyFor(options.segment ?? 'standard', id) : [];
  expectCustomer(customer.id, { profile: fresh ? profile : {}, orders: [...history, ...(seeded ? [seeded] : [])] });
  return { customer, orderId: seeded?.id, id };
}

/** A POST /v1/cases body for a fresh customer and order bought four days ago. */
export function returnRequest(overrides: Overrides = {}, options: RecordOptions = {}) {
  const { customer, orderId } = requestFor(
    overrides,
    (id) => ({
      id: `ord-${id}`,
      channel: 'web',
      purchasedAt: daysAgo(4),
      deliveredAt: daysAgo(3),
      lines: [
        { sku: 'JACKET-M', quantity: 1, unitPrice: 12_000, category: 'apparel' },
        { sku: 'CAP-1', quantity: 2, unitPrice: 1_500, category: 'apparel' },
      ],
    }),
    options,
  );
  return {
    type: 'return',
    channel: 'web',
    customer,
    orderId,
    items: [{ sku: 'CAP-1', quantity: 2, condition: 'unopened' }],
    reason: 'changed my mind',
    ...overrides,
  };
}

/**
 * A POST /v1/cases repair body for a fresh customer and order of the product and a case for it:
 * by default a phone bought a month ago (in warranty), which the standard policy troubleshoots
 * first and sends to acme-repairs.
 */
export function repairRequest(
  overrides: Overrides & { item?: Record<string, unknown>; purchasedMonthsAgo?: number; category?: string } = {},
  options: RecordOptions = {},
) {
  const { item: itemOverrides, purchasedMonthsAgo = 1, category = 'phone', ...fields } = overrides;
  const sku = String(itemOverrides?.sku ?? 'PHONE-X');
  const { customer, orderId, id } = requestFor(
    fields,
    (seedId) => ({
      id: `ord-${seedId}`,
      channel: 'app',
      purchasedAt: daysAgo(purchasedMonthsAgo * 30),
      deliveredAt: daysAgo(purchasedMonthsAgo * 30 - 2),
      lines: [
        { sku, quantity: 1, unitPrice: 59_900, category },
        { sku: 'CASE-X', quantity: 1, unitPrice: 1_900, category: 'accessories' },
      ],
    }),
    options,
  );
  return {
    type: 'repair',
    channel: 'app',
    customer,
    orderId,
    item: { sku, serialNumber: `SN-${id}`, ...itemOverrides },
    problem: 'the screen stays black after charging',
    ...fields,
  };
}

/**
 * A POST /v1/cases complaint body for a fresh customer, about no order in particular; the
 * standard rules classify its words as a late delivery (category delivery, skill logistics).
 */
export function complaintRequest(overrides: Overrides = {}, options: RecordOptions = {}) {
  const { customer } = requestFor(overrides, () => null, options);
  return {
    type: 'complaint',
    channel: 'web',
    customer,
    subject: 'Where is my parcel?',
    description: 'The delivery is a week late and nobody tells me why.',
    ...overrides,
  };
}

/** A suggestion of a fresh customer, about no order; a product idea, so routing sends it to the product queue. */
export function suggestionRequest(overrides: Overrides = {}, options: RecordOptions = {}) {
  const { customer } = requestFor(overrides, () => null, options);
  return {
    type: 'suggestion',
    channel: 'web',
    customer,
    text: 'Please offer this jacket in a darker colour.',
    ...overrides,
  };
}

/** A question of a fresh customer about no order, which no seeded article answers: it goes to a person. */
export function inquiryRequest(overrides: Overrides = {}, options: RecordOptions = {}) {
  const { customer } = requestFor(overrides, () => null, options);
  return {
    type: 'inquiry',
    channel: 'web',
    customer,
    question: 'Do you sell gift wrapping for the jacket?',
    ...overrides,
  };
}

/**
 * An installation of a fresh customer's fridge, delivered yesterday with a kettle on the same
 * order: the standard policy installs large appliances with `homefit`, and not kettles.
 */
export function installationRequest(overrides: Overrides & { item?: Record<string, unknown> } = {}, options: RecordOptions = {}) {
  const { item, ...fields } = overrides;
  const { customer, orderId } = requestFor(
    fields,
    (seedId) => ({
      id: `ord-${seedId}`,
      channel: 'web',
      purchasedAt: daysAgo(4),
      deliveredAt: daysAgo(1),
      lines: [
        { sku: 'FRIDGE-9', quantity: 1, unitPrice: 89_900, category: 'large_appliance' },
        { sku: 'KETTLE-1', quantity: 1, unitPrice: 3_900, category: 'small_appliance' },
      ],
    }),
    options,
  );
  return { type: 'installation', channel: 'web', customer, orderId, item: { sku: 'FRIDGE-9', ...item }, ...fields };
}
