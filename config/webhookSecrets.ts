import { z } from 'zod';

/**
 * The secrets partners sign webhooks with, one list per partner. A partner is named
 * "<kind>:<id>" as in its webhook URL (carrier:dhl for /v1/webhooks/carriers/dhl). A list holds
 * the current secret first and, during a rotation, the previous one after it: both verify, and
 * the simulator signs with the first.
 */

const PARTNER_KEY = /^(carrier|warehouse|supplier|installer|orders):[A-Za-z0-9][A-Za-z0-9._-]*$/;
const Secret = z.string().min(16, 'a secret has at least 16 characters');
/**
 * Names are checked beside the record, not as its key schema: zod reports a key that fails as
 * "Invalid key in record" and keeps the reason out of the message the configuration error shows.
 */
const SecretMap = z.record(z.string(), z.union([Secret, z.array(Secret).min(1).max(2)])).superRefine((map, ctx) => {
  for (const partner of Object.keys(map)) {
    if (!PARTNER_KEY.test(partner)) ctx.addIssue({ code: 'custom', path: [partner], message: 'kind:id, e.g. carrier:dhl' });
  }
});

/**
 * `carrier:dhl=new|old,supplier:acme=secret` — the form an environment variable is easiest to write
 * in. An entry without "=" is refused by its position, not by its text: a mistyped separator
 * (`carrier:dhl:secret`) would otherwise print the secret in the start-up error.
 */
function fromList(text: string, ctx: z.RefinementCtx): Record<string, string[]> {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const secrets: Record<string, string[]> = {};
  entries.forEach((entry, index) => {
    const at = entry.indexOf('=');
    if (at < 0) ctx.addIssue({ code: 'custom', path: [`entry ${index + 1}`], message: 'kind:id=secret, e.g. carrier:dhl=…; no "=" found' });
    else secrets[entry.slice(0, at).trim()] = entry.slice(at + 1).split('|').map((s) => s.trim());
  });
  return secrets;
}

/** Accepts a JSON object or the list form; either way, each partner's secrets newest first. */
export const WebhookSecretsSetting = z
  .string()
  .transform((text, ctx) => {
    if (!text.trimStart().startsWith('{')) return fromList(text, ctx);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(SecretMap)
  .transform((map) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, typeof v === 'string' ? [v] : v])));

export type PartnerSecrets = Record<string, string[]>;

export class WebhookSecrets {
  constructor(
    private readonly byPartner: PartnerSecrets = {},
    /** For any partner without secrets of its own (the local stack signs everything with it). */
    private readonly fallback?: string,
  ) {}

  /** Every secret a signature from this partner may be made with; none means refuse. */
  accepted(partner: string): readonly string[] {
    return this.byPartner[partner] ?? (this.fallback ? [this.fallback] : []);
  }

  /** The secret this partner signs with now. */
  signing(partner: string): string | undefined {
    return this.accepted(partner)[0];
  }
}
