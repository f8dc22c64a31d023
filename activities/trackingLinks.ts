import { mintToken, tokenSettings, type TokenSettings } from '../api/auth/tokens';
import type { Config } from '../config/env';
import type { NotificationPort } from './types';

/**
 * The customer's link to their case's tracking page, sent in every message to them
 * (docs/web.md#tracking-links): `<base>/track/<caseId>#t=<token>&lang=<language>`. The token is a
 * customer token restricted to the case (its `case` claim), so whoever holds the message reads
 * and acts on that case only, until it expires. It sits in the fragment, which browsers never
 * send, so it stays out of every server's request logs.
 *
 * It is minted here, as the message goes out, never in workflow code: Temporal's history holds the
 * message's template and data without it, and nothing logs it.
 */
export interface TrackingLinks {
  tokens: TokenSettings;
  /** The address customers reach the web app at; read when a message goes out (a stack learns its own port late). */
  baseUrl(): string | undefined;
  /** How long a link stays good, as jose reads it ('30 days'). */
  ttl: string;
}

/** The links a worker mints, with the API's token secret and the configured lifetime. */
export function configuredTrackingLinks(
  config: Pick<Config, 'AUTH_JWT_ISSUER' | 'AUTH_JWT_AUDIENCE' | 'TRACKING_LINK_TTL_DAYS'>,
  secret: string,
  baseUrl: () => string | undefined,
): TrackingLinks {
  return { tokens: tokenSettings(config, secret), baseUrl, ttl: `${config.TRACKING_LINK_TTL_DAYS} days` };
}

export async function trackingLink(links: TrackingLinks, caseId: string, customer: { id: string; language?: string }): Promise<string> {
  const base = links.baseUrl();
  // Retried by the activity's policy: the stack's API has not started listening yet.
  if (!base) throw new Error('tracking links: the public base URL is not known yet');
  const token = await mintToken({ sub: customer.id, role: 'customer', case: caseId }, links.tokens, links.ttl);
  const fragment = new URLSearchParams({ t: token, lang: customer.language ?? 'en' });
  return new URL(`/track/${encodeURIComponent(caseId)}#${fragment}`, base).href;
}

/** Every message to a customer carries their tracking link as `trackUrl`. */
export function linkingCustomerMessages(port: NotificationPort, links: TrackingLinks): NotificationPort {
  return {
    ...port,
    async notifyCustomer(input) {
      const trackUrl = await trackingLink(links, input.caseId, input.customer);
      return port.notifyCustomer({ ...input, data: { ...input.data, trackUrl } });
    },
  };
}
