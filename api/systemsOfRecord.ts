import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationFailure } from '@temporalio/common';
import { createCustomerActivities, createOrderActivities } from '../activities';
import type { CustomerPort, OrderPort } from '../activities/types';
import { HttpProblem } from './problem';

/** What the API reads from the systems of record: the order a request names, the customer and their history. */
export interface SystemsOfRecord {
  orders: Pick<OrderPort, 'getOrder'>;
  customers: Pick<CustomerPort, 'getCustomer' | 'getOrderHistory'>;
}

/** The systems of record over HTTP, through the same adapters the worker's activities use. */
export function systemsOfRecord(urls: { orders: string; customers: string }, timeoutMs: number): SystemsOfRecord {
  return {
    orders: createOrderActivities({ baseUrl: urls.orders, timeoutMs }),
    customers: createCustomerActivities({ baseUrl: urls.customers, timeoutMs }),
  };
}

/** One pause before the second try: a caller is waiting, so a system still down is a 503 to retry later. */
const RETRY_PAUSE_MS = 250;
const RETRY_AFTER_SECONDS = 5;

function retryable(err: unknown): boolean {
  return !(err instanceof ApplicationFailure && err.nonRetryable);
}

/**
 * Asks a system of record, once more after a pause when it was only unavailable (the adapters
 * classify failures as the activities' retry policies do). A system that does not answer is a
 * 503 with Retry-After, before intake has written anything.
 */
export async function lookUp<T>(system: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (first) {
    if (!retryable(first)) throw unavailable(system, first);
    await sleep(RETRY_PAUSE_MS);
    try {
      return await call();
    } catch (second) {
      throw unavailable(system, second);
    }
  }
}

function unavailable(system: string, err: unknown): HttpProblem {
  const reason = err instanceof Error ? err.message : String(err);
  return new HttpProblem('unavailable', `${system} did not answer (${reason}); retry later`, {}, RETRY_AFTER_SECONDS);
}
