import { z } from 'zod';
import { CustomerId } from '../../domain/case';
import { CustomerClass, Language } from '../../domain/customer';
import { CaseRecord } from '../../domain/caseRecord';
import { processes } from '../../workflows/registry';

export const CustomerIdParams = z.object({ id: CustomerId });

const Count = z.number().int().nonnegative();

/** Cases opened in the window, by process name (returns, repairs, complaints, …). */
const CasesByProcess = z.object(Object.fromEntries(processes.map((p) => [p.name, Count])));

/**
 * One view of a customer across every channel (GET /v1/customers/:id). Contact details come from
 * the customer system at request time and are masked for roles that work cases without needing
 * them; a customer reading their own view sees no internal figures (segment, tags, RFM).
 */
export const CustomerView = z
  .object({
    id: CustomerId,
    name: z.string(),
    contact: z
      .object({ email: z.string().nullable(), phone: z.string().nullable() })
      .meta({ description: 'In full for the customer, supervisors and admins; masked for agents (a•••@example.com, •••••23)' }),
    language: Language,
    customerSince: z.iso.datetime({ offset: true }),
    advisorId: z.string().nullable().meta({ description: 'The agent the customer’s complaints go to first, if any' }),
    segment: CustomerClass.optional().meta({ description: 'Staff only: the RFM segment the order history gives today' }),
    tags: z.array(z.string()).optional().meta({ description: 'Staff only: the customer system’s tags and the RFM scores (rfm:R5F3M4)' }),
    consent: z.object({ marketing: z.boolean(), surveys: z.boolean() }),
    cases: z.array(CaseRecord).meta({ description: 'Every case of the customer, newest first, from every channel' }),
    ratings: z
      .array(
        z.object({
          caseId: z.string(),
          score: z.number().int().meta({ description: 'CSAT, 1–5' }),
          nps: z.number().int().nullable().meta({ description: '0–10; null on a return survey from before every case was asked' }),
          comment: z.string().nullable(),
          at: z.iso.datetime({ offset: true }),
        }),
      )
      .meta({ description: 'The ratings the customer gave, newest first' }),
    last90Days: z
      .object({
        cases: CasesByProcess,
        orders: Count,
        returnRate: z.number().min(0).meta({ description: 'Return cases opened ÷ orders placed, over the 90 days' }),
      })
      .meta({ description: 'What happened over the last 90 days' }),
    orders: z
      .object({
        count: Count,
        lastOrderAt: z.iso.datetime({ offset: true }).nullable(),
        spendLastYear: z.number().int().nonnegative().meta({ description: 'Minor units, over the last 365 days' }),
        channels: z.array(z.string()).meta({ description: 'The channels the customer bought through' }),
      })
      .meta({ description: 'The order history, summed up' }),
  })
  .meta({ id: 'CustomerView' });
export type CustomerView = z.infer<typeof CustomerView>;
