import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { readResponseBody } from '../activities/partnerHttp';
import { signWebhook } from '../api/webhooks/signature';
import type { Ledger } from './ledger';
import type { PartnerWebhook } from './webhookEvents';

/** Signs partner events and posts them to our API, recording every attempt and its answer. */

export type WebhookAttempt = { status: number; body: unknown } | { status: null; error: string };

/** How many times, and how far apart, a refused or failed event is sent again. */
export interface Patience {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** A few seconds: long enough for the workflow to record the step this event follows. */
export const BRIEF_PATIENCE: Patience = { attempts: 5, firstDelayMs: 300, maxDelayMs: 5_000 };
/**
 * While our API does not answer or fails (5xx), partners redeliver for minutes, as real ones do
 * for hours: a restarted database, worker or Temporal server must not cost a parcel scan.
 */
export const OUTAGE_PATIENCE: Patience = { attempts: 30, firstDelayMs: 300, maxDelayMs: 10_000 };
const REQUEST_TIMEOUT_MS = 10_000;

export function accepted(attempt: WebhookAttempt): boolean {
  return attempt.status !== null && attempt.status < 300;
}

/**
 * Retried: our API unreachable or failing, and 409, which here usually means the workflow has not
 * yet recorded the step this event follows (a label used before the workflow saw it issued).
 */
function worthRetrying(attempt: WebhookAttempt): boolean {
  return attempt.status === null || attempt.status >= 500 || attempt.status === 409 || attempt.status === 429;
}

export class WebhookSender {
  private target: string | undefined;

  constructor(
    private readonly secret: string,
    private readonly ledger: Ledger,
    private readonly logger: Logger,
    target?: string,
  ) {
    if (target !== undefined) this.setTarget(target);
  }

  setTarget(url: string): void {
    this.target = url.replace(/\/+$/, '');
  }

  hasTarget(): boolean {
    return this.target !== undefined;
  }

  /** One attempt. Throws only when `signal` aborts, so a stopped simulator records nothing more. */
  async send(
    webhook: PartnerWebhook,
    opts: { signatureSecret?: string; attempt?: number; signal?: AbortSignal } = {},
  ): Promise<WebhookAttempt> {
    const url = this.target === undefined ? '' : `${this.target}${webhook.path}`;
    const outcome = url ? await this.post(url, webhook, opts) : { status: null, error: 'no webhook target set' };
    const { eventId, type } = webhook.event;
    // A delivery notice is about an order; the ledger files it under the order's id.
    const caseId = 'caseId' in webhook.event ? webhook.event.caseId : webhook.event.orderId;
    const attempt = opts.attempt ?? 1;
    this.ledger.add('webhooks', {
      caseId,
      eventId,
      type,
      url,
      attempt,
      status: outcome.status,
      response: outcome.status === null ? null : outcome.body,
      ...(outcome.status === null && { error: outcome.error }),
    });
    this.logger[accepted(outcome) ? 'info' : 'warn']({ caseId, eventId, type, attempt, status: outcome.status }, 'webhook sent');
    return outcome;
  }

  /**
   * Sends until `settled` holds for the answer (by default: our API accepted), our API refuses for
   * good, or patience runs out: `patience` for refusals worth retrying, OUTAGE_PATIENCE while our
   * API is down or failing. Resolves with the last attempt.
   */
  async deliver(
    webhook: PartnerWebhook,
    signal: AbortSignal,
    patience: Patience = BRIEF_PATIENCE,
    settled: (attempt: WebhookAttempt) => boolean = accepted,
  ): Promise<WebhookAttempt> {
    let delayMs = patience.firstDelayMs;
    const tries = { refused: 0, outage: 0 };
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.send(webhook, { attempt, signal });
      const outage = outcome.status === null || outcome.status >= 500;
      const budget = outage ? OUTAGE_PATIENCE : patience;
      const tried = outage ? ++tries.outage : ++tries.refused;
      if (settled(outcome) || !worthRetrying(outcome) || tried >= budget.attempts) return outcome;
      await sleep(delayMs, undefined, { signal });
      delayMs = Math.min(delayMs * 2, budget.maxDelayMs);
    }
  }

  private async post(
    url: string,
    webhook: PartnerWebhook,
    opts: { signatureSecret?: string; signal?: AbortSignal },
  ): Promise<WebhookAttempt> {
    const rawBody = JSON.stringify(webhook.event);
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signWebhook(opts.signatureSecret ?? this.secret, rawBody) },
        body: rawBody,
        signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
      });
      return { status: response.status, body: await readResponseBody(response) };
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      // fetch hides the socket error (ECONNREFUSED, ...) in its cause
      return { status: null, error: String((err as { cause?: unknown }).cause ?? err) };
    }
  }
}
