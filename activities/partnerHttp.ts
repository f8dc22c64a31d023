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

/** A read: no body and no Idempotency-Key, since asking twice changes nothing. */
export type PartnerGet<S extends z.ZodType> = Pick<PartnerPost<S>, 'operation' | 'path' | 'response'>;
export type PartnerReader = <S extends z.ZodType>(call: PartnerGet<S>) => Promise<z.output<S>>;

/** One HTTP exchange with a partner, before it is classified. */
type PartnerCall<S extends z.ZodType> = PartnerGet<S> & { init: Pick<RequestInit, 'method' | 'headers' | 'body'> };

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

/** Sends one call and classifies its outcome; `partner` names it in every failure message. */
function partnerExchange(partner: string, config: PartnerConfig) {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');

  return async <S extends z.ZodType>({ operation, path, init, response: schema }: PartnerCall<S>): Promise<z.output<S>> => {
    const what = `${partner} ${operation}`;
    let response: Response;
    let answer: unknown;
    try {
      response = await fetch(`${baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(config.timeoutMs) });
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

/** Writes to one partner, each carrying the workflow's Idempotency-Key. */
export function partnerClient(partner: string, config: PartnerConfig): PartnerClient {
  const exchange = partnerExchange(partner, config);
  return ({ idempotencyKey, body, ...call }) =>
    exchange({
      ...call,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
      },
    });
}

/** Reads from one partner, classified like writes: a 4xx is final, the rest may heal. */
export function partnerReader(partner: string, config: PartnerConfig): PartnerReader {
  const exchange = partnerExchange(partner, config);
  return (call) => exchange({ ...call, init: { method: 'GET' } });
}

/** A read whose 404 is an answer: the partner has no such order or customer. */
export type PartnerLookup = <S extends z.ZodType>(call: PartnerGet<S>) => Promise<z.output<S> | null>;

function isNotFound(err: unknown): boolean {
  if (!(err instanceof ApplicationFailure) || err.type !== PARTNER_REJECTED) return false;
  const [details] = (err.details ?? []) as (PartnerRejectionDetails | undefined)[];
  return details?.status === 404;
}

/**
 * Reads of records that may not exist: null on 404, every other failure classified as any read's.
 * A base URL pointing at the wrong service also answers 404 and so reads as absence; the same
 * partner's writes still fail on it as rejections.
 */
export function partnerLookup(partner: string, config: PartnerConfig): PartnerLookup {
  const get = partnerReader(partner, config);
  return async (call) => {
    try {
      return await get(call);
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  };
}

/** Ids go into paths; a partner id is never trusted to be URL-safe. */
export const pathId = (id: string): string => encodeURIComponent(id);
