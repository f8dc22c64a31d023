import { mintToken } from '../../api/auth/tokens';
import type { Stack } from '../stack';
import { call } from './call';

/**
 * Whom a scenario's case is for: a seeded customer of the simulated customer system whom our
 * segmentation puts in the standard segment, or a high-value one with a dedicated advisor.
 */
export type CustomerKind = 'standard' | 'high_value';

/**
 * A standard customer's demo order must not lift them out of their segment (a last-year spend of
 * 150,000 makes a customer high value; the dearest demo order is 119,900 and bought long ago).
 */
const STANDARD_SPEND_CEILING = 100_000;

interface Listed {
  id: string;
  advisorId: string | null;
}

interface Seen {
  segment?: string;
  advisorId: string | null;
  orders: { spendLastYear: number };
}

function fits(kind: CustomerKind, view: Seen): boolean {
  if (kind === 'high_value') return view.segment === 'high_value' && view.advisorId !== null;
  return view.segment === 'standard' && view.orders.spendLastYear < STANDARD_SPEND_CEILING;
}

/**
 * Hands out the seeded customers, each once, judged as the service judges them: by their
 * customer 360 view, read as a supervisor.
 */
export class SeededCustomers {
  private readonly used = new Set<string>();
  private readonly seen = new Map<string, Seen>();
  private listed: Promise<Listed[]> | undefined;

  constructor(private readonly stack: Stack) {}

  async pick(kind: CustomerKind): Promise<string> {
    this.listed ??= call('GET', `${this.stack.simulatorUrl}/sim/customers?limit=1000`).then((res) => res.body.customers as Listed[]);
    for (const customer of await this.listed) {
      if (this.used.has(customer.id) || (kind === 'high_value' && customer.advisorId === null)) continue;
      if (fits(kind, await this.view(customer.id))) {
        this.used.add(customer.id);
        return customer.id;
      }
    }
    throw new Error(`the seeded catalogue has no ${kind} customer left`);
  }

  private async view(id: string): Promise<Seen> {
    const known = this.seen.get(id);
    if (known) return known;
    const token = await mintToken({ sub: 'demo-supervisor', role: 'supervisor' }, this.stack.tokens);
    const res = await call('GET', `${this.stack.apiUrl}/v1/customers/${id}`, undefined, { authorization: `Bearer ${token}` });
    if (res.status !== 200) throw new Error(`the customer view of ${id} answered ${res.status}: ${JSON.stringify(res.body)}`);
    const seen = res.body as Seen;
    this.seen.set(id, seen);
    return seen;
  }
}
