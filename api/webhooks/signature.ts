import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook signature partners use: HMAC-SHA256 over "<unix seconds>.<raw body>", sent as
 * X-Webhook-Timestamp and X-Webhook-Signature: v1=<hex>. The partner simulator signs with the
 * same function, so the contract has one definition.
 */

export const TIMESTAMP_HEADER = 'x-webhook-timestamp';
export const SIGNATURE_HEADER = 'x-webhook-signature';

function digest(secret: string, timestamp: string, rawBody: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

export function signWebhook(secret: string, rawBody: string, nowSeconds = Math.floor(Date.now() / 1000)) {
  const timestamp = String(nowSeconds);
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: `v1=${digest(secret, timestamp, rawBody).toString('hex')}`,
  };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** `secrets`: every secret the partner may sign with now (two during a rotation); empty refuses all. */
export function verifyWebhookSignature(opts: {
  secrets: readonly string[];
  rawBody: Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  toleranceSeconds: number;
  nowSeconds?: number;
}): SignatureCheck {
  const { timestamp, signature } = opts;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  const match = /^v1=([0-9a-f]{64})$/.exec(signature);
  if (!/^\d{1,12}$/.test(timestamp) || !match?.[1]) return { ok: false, reason: 'malformed' };
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > opts.toleranceSeconds) return { ok: false, reason: 'stale' };
  const given = Buffer.from(match[1], 'hex');
  const matches = opts.secrets.some((secret) => timingSafeEqual(digest(secret, timestamp, opts.rawBody), given));
  return matches ? { ok: true } : { ok: false, reason: 'mismatch' };
}
