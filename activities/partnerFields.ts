import { z } from 'zod';

/** Fields several partners' answers share. */

/** An instant with its offset, as partners in other time zones send them. */
export const instant = z.iso.datetime({ offset: true });
export const currencyCode = z.string().regex(/^[A-Z]{3}$/);
