import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';

/**
 * The one way activities talk to partner systems. Failures are classified for Temporal's retry
 * policy: a 4xx is the partner saying no (out of stock, unknown label), which retrying cannot
 * change, so it is PartnerRejected and non-retryable; anything that may heal by itself (timeouts,
 * 408, 429, 5xx, refused connections) stays retryable. Retrying is safe because every call carries
 * the workflow's Idempotency-Key.
 */

export interface PartnerConfig {
  baseUrl: string;
  timeoutMs: number;
}

/** The failure type activityOptions lists as non-retryable: the partner has said no for good. */
export const PARTNER_REJECTED = 'PartnerRejected';
/** Retryable: the partner may answer differently later. */
export const PARTNER_UNAVAILABLE = 'PartnerUnavailable';

export interface PartnerRejectionDetails {
  status: number;
  body: unknown;
}

export interface PartnerPost<S extends z.ZodType> {
  operation: string;
  path: string;
  idempotencyKey: string;
  body: Record<string, unknown>;
  /** The answer we rely on; a 2xx that does not match is treated as a transient partner fault. */
  response: S;
}

export type PartnerClient = <S extends z.ZodType>(call: PartnerPost<S>) => Promise<z.output<S>>;

/** 408 and 429 are 4xx in name only: the partner asks us to come back later. */
function isRejection(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** JSON when the body is JSON, else its text (an HTML error page names the real problem too). */
export async function readResponseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

type FetchFailure = { name?: string; message?: string; cause?: { code?: string; message?: string } };

/**
 * What went wrong on the wire, with the socket error fetch tucks into its cause. Duck-typed:
 * the abort DOMException is not an Error in every realm (jest's, for one).
 */
function describeFetchError(err: unknown, timeoutMs: number): string {
  const { name, message, cause } = err as FetchFailure;
  if (name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  const text = message ?? String(err);
  return cause ? `${text} (${cause.code ?? cause.message})` : text;
}

function unavailable(what: string, reason: string, cause?: unknown): ApplicationFailure {
  return ApplicationFailure.create({
    message: `${what} failed: ${reason}`,
    type: PARTNER_UNAVAILABLE,
    nonRetryable: false,
    cause: cause instanceof Error ? cause : undefined,
  });
}

/** A client bound to one partner; `partner` names it in every failure message. */
export function partnerClient(partner: string, config: PartnerConfig): PartnerClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');

  return async ({ operation, path, idempotencyKey, body, response: schema }) => {
    const what = `${partner} ${operation}`;
    let response: Response;
    let answer: unknown;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      answer = await readResponseBody(response);
    } catch (err) {
      throw unavailable(what, describeFetchError(err, config.timeoutMs), err);
    }

    if (isRejection(response.status)) {
      const details: PartnerRejectionDetails = { status: response.status, body: answer };
      const reason = (answer as { error?: unknown } | undefined)?.error ?? response.statusText;
      throw ApplicationFailure.nonRetryable(
        `${what} rejected (${response.status}): ${String(reason)}`,
        PARTNER_REJECTED,
        details,
      );
    }
    if (!response.ok) throw unavailable(what, `status ${response.status}`);

    const parsed = schema.safeParse(answer);
    if (!parsed.success) throw unavailable(what, `unexpected response: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  };
}

/** Ids go into paths; a partner id is never trusted to be URL-safe. */
export const pathId = (id: string): string => encodeURIComponent(id);
