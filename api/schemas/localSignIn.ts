import { z } from 'zod';
import { Language } from '../../domain/customer';

/** The roles a local stack lets someone sign in as: the people its seeded data has. */
export const LocalRole = z.enum(['agent', 'supervisor', 'customer']).meta({ id: 'LocalRole' });
export type LocalRole = z.infer<typeof LocalRole>;

const Subject = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits and . _ : - only');

export const LocalIdentity = z
  .object({
    role: LocalRole,
    sub: Subject,
    name: z.string().meta({ description: 'As the agents table or the customer system knows them; the id when unknown' }),
    language: Language.nullable().meta({ description: "A customer's language (the tracking page speaks it); null for staff" }),
  })
  .meta({ id: 'LocalIdentity' });
export type LocalIdentity = z.infer<typeof LocalIdentity>;

export const LocalIdentityList = z.object({ identities: z.array(LocalIdentity) }).meta({ id: 'LocalIdentityList' });

export const LocalSignInRequest = z.strictObject({ role: LocalRole, sub: Subject }).meta({ id: 'LocalSignInRequest' });

export const LocalSignInToken = z
  .object({
    token: z.string().meta({ description: 'A bearer token for this API (Authorization: Bearer <token>)' }),
    role: LocalRole,
    sub: Subject,
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'LocalSignInToken' });
