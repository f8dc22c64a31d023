import { z } from 'zod';
import { CustomerId, Sku } from '../../domain';

/** Request fields every partner shares; the partners trust our identifiers but not our arithmetic. */

export const caseId = z.string().min(1).max(128);
export const quantity = z.number().int().positive();
export const minorUnits = z.number().int().positive();
export const currency = z.string().regex(/^[A-Z]{3}$/);
export { CustomerId as customerId, Sku as sku };

/** Body of the follow-up calls (release, void, cancel) that name the case they act for. */
export const CaseRef = z.object({ caseId });

export const notFound = (what: string) => ({ status: 404, body: { error: `unknown_${what}` } });
