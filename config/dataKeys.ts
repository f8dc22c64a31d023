import { createHmac, randomBytes } from 'node:crypto';
import { open, seal } from './aesGcm';
import type { PayloadKey } from './payloadKeys';

/**
 * Per-customer data keys, for crypto-shredding (docs/security.md#erasure-and-retention): a case's
 * Temporal payloads are encrypted with a key of its customer's, stored only wrapped (encrypted)
 * by a master key from PAYLOAD_KEYS. Destroying the wrapped key makes every payload under it
 * unreadable, wherever copies of the history are kept.
 */

export interface DataKey {
  /** Random, named in each payload's metadata: says nothing about the customer. */
  id: string;
  key: Buffer;
}

const DATA_KEY_BYTES = 32;

export function newDataKey(): DataKey {
  return { id: `dk_${randomBytes(16).toString('base64url')}`, key: randomBytes(DATA_KEY_BYTES) };
}

/**
 * The customer key id: a keyed hash of the customer id under a master key, which finds the
 * customer's data keys (and names them in the audit) without storing who the customer is. Under
 * another master key the same customer has another id, so a rotation starts new data keys, and
 * an erasure looks under every configured master key.
 */
export function customerKeyId(master: PayloadKey, customerId: string): string {
  const hashKey = createHmac('sha256', master.key).update('customer-key-id').digest();
  return `ck_${createHmac('sha256', hashKey).update(customerId).digest('base64url').slice(0, 32)}`;
}

export function wrapDataKey(master: PayloadKey, dataKey: DataKey): Buffer {
  return seal(master.key, `data-key:${dataKey.id}`, dataKey.key);
}

export function unwrapDataKey(master: PayloadKey, id: string, wrapped: Buffer): DataKey {
  return { id, key: open(master.key, `data-key:${id}`, wrapped) };
}
