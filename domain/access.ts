import { z } from 'zod';

/** The role a bearer token carries (api/auth/tokens.ts); it decides what its holder may do. */
export const Role = z.enum(['customer', 'agent', 'supervisor', 'supplier', 'admin']).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

/**
 * How far a role reaches into cases: every case, the agent's queues, the customer's own cases,
 * the cases assigned to the supplier. A case beyond reach answers 404, as if it did not exist.
 */
export type Reach = 'all' | 'queue' | 'own' | 'assigned';
export type Reaches = Partial<Record<Role, Reach>>;

/** Staff: agents within their queues, supervisors and admins everywhere. */
export const staff = { agent: 'queue', supervisor: 'all', admin: 'all' } as const satisfies Reaches;
/** Everyone who may read a case: staff, its customer, and the supplier it is assigned to. */
export const caseReaders = { customer: 'own', supplier: 'assigned', ...staff } as const satisfies Reaches;
/** The customer for themselves, or staff for them (at a store counter, on the phone). */
export const customerOrStaff = { customer: 'own', ...staff } as const satisfies Reaches;
/** The customer's own word: staff cannot give it for them. */
export const customerOnly = { customer: 'own' } as const satisfies Reaches;
