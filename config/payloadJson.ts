import type { Payload } from '@temporalio/common';
import { z } from 'zod';

/**
 * A Temporal payload in proto3 JSON form (every bytes field base64): what the remote codec
 * protocol speaks, and what the payload codec encrypts, so neither needs the protobuf runtime.
 */
export const PayloadJson = z
  .object({
    metadata: z.record(z.string(), z.base64()).optional(),
    data: z.base64().optional(),
  })
  .meta({ id: 'Payload' });
export type PayloadJson = z.infer<typeof PayloadJson>;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export function payloadToJson(payload: Payload): PayloadJson {
  const metadata = Object.fromEntries(
    Object.entries(payload.metadata ?? {}).flatMap(([key, value]) => (value ? [[key, toBase64(value)]] : [])),
  );
  return { metadata, ...(payload.data ? { data: toBase64(payload.data) } : {}) };
}

export function payloadFromJson(json: PayloadJson): Payload {
  const metadata = Object.fromEntries(Object.entries(json.metadata ?? {}).map(([key, value]) => [key, fromBase64(value)]));
  return { metadata, data: json.data === undefined ? undefined : fromBase64(json.data) };
}
