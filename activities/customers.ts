import { z } from 'zod';
import { Channel } from '../domain';
import { Language } from '../domain/customer';
import type { CustomerOrderSummary, CustomerPort, CustomerProfile } from './types';
import { currencyCode, instant } from './partnerFields';
import { partnerLookup, pathId, type PartnerConfig } from './partnerHttp';

/**
 * The customer system: who the customer is (language, consent, advisor, tags) and what they have
 * bought, for routing, messages and segmentation. Read-only: nothing we do changes a customer.
 */


export const CustomerProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  contact: z.object({ email: z.string().min(1).optional(), phone: z.string().min(1).optional() }),
  language: Language,
  tags: z.array(z.string().min(1)),
  consent: z.object({ marketing: z.boolean(), surveys: z.boolean() }),
  advisorId: z.string().min(1).nullable(),
  customerSince: instant,
}) satisfies z.ZodType<CustomerProfile>;

const OrderHistory = z.object({
  orders: z.array(
    z.object({
      orderId: z.string().min(1),
      purchasedAt: instant,
      total: z.number().int().nonnegative(),
      currency: currencyCode,
      channel: Channel,
    }) satisfies z.ZodType<CustomerOrderSummary>,
  ),
});

const newestFirst = (a: CustomerOrderSummary, b: CustomerOrderSummary) => Date.parse(b.purchasedAt) - Date.parse(a.purchasedAt);

export function createCustomerActivities(config: PartnerConfig): CustomerPort {
  const lookup = partnerLookup('customers', config);
  const customerPath = (customerId: string) => `/customers/${pathId(customerId)}`;
  return {
    async getCustomer({ customerId }) {
      return lookup({ operation: 'getCustomer', path: customerPath(customerId), response: CustomerProfileSchema });
    },

    async getOrderHistory({ customerId }) {
      const history = await lookup({
        operation: 'getOrderHistory',
        path: `${customerPath(customerId)}/orders`,
        response: OrderHistory,
      });
      // The port promises newest first whatever order the partner lists them in.
      return (history?.orders ?? []).sort(newestFirst);
    },
  };
}
