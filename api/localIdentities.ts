import { agentExists, listAgents } from '../db/agents';
import { recentCustomerIds } from '../db/recentCustomers';
import type { ApiDeps } from './deps';
import type { LocalIdentity, LocalRole } from './schemas/localSignIn';
import { lookUp } from './systemsOfRecord';

/**
 * Who a local stack lets someone sign in as: the agents on its roster, its supervisors, and
 * customers of the seeded catalogue (sim/catalogue/) and of its newest cases.
 */

/** Supervisors are no rows of the agents table (routing never hands them cases), so the sandbox names its own. */
export const localSupervisors: readonly { id: string; name: string }[] = [
  { id: 'sup-1', name: 'Sam Okafor' },
  { id: 'sup-mei', name: '林梅' },
];

/** The catalogue customers the integrator's guide works with: both languages, a loyal and a high-value one. */
const catalogueCustomers = ['cust-0193', 'cust-0248', 'cust-0005'];
const RECENT_CUSTOMERS = 8;

type Systems = Pick<ApiDeps, 'pool' | 'systems'>;

async function customer(deps: Systems, sub: string): Promise<LocalIdentity | null> {
  const profile = await lookUp('the customer system', () => deps.systems.customers.getCustomer({ customerId: sub }));
  return profile && { role: 'customer', sub, name: profile.name, language: profile.language };
}

export async function localIdentities(deps: Systems): Promise<LocalIdentity[]> {
  const agents = await listAgents(deps.pool);
  const customerIds = [...new Set([...(await recentCustomerIds(deps.pool, RECENT_CUSTOMERS)), ...catalogueCustomers])];
  const customers = await Promise.all(customerIds.map((sub) => customer(deps, sub)));
  return [
    ...agents.map((a): LocalIdentity => ({ role: 'agent', sub: a.id, name: a.name, language: null })),
    ...localSupervisors.map((s): LocalIdentity => ({ role: 'supervisor', sub: s.id, name: s.name, language: null })),
    ...customers.filter((c) => c !== null),
  ];
}

/** Whether the stack has this person: an agent on the roster, a local supervisor, a customer the customer system knows. */
export async function isLocalIdentity(deps: Systems, role: LocalRole, sub: string): Promise<boolean> {
  switch (role) {
    case 'agent':
      return agentExists(deps.pool, sub);
    case 'supervisor':
      return localSupervisors.some((s) => s.id === sub);
    case 'customer':
      return (await customer(deps, sub)) !== null;
  }
}
