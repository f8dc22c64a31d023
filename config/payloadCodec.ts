import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { PayloadKey } from './payloadKeys';
import { PayloadJson, payloadFromJson, payloadToJson } from './payloadJson';

/**
 * Encrypts every payload Temporal stores (workflow inputs and results, activity arguments,
 * updates, signals, queries) with AES-256-GCM, so its history holds no personal data in clear.
 * Every client and worker uses it; it runs outside the workflow sandbox, on the way to and from
 * the server. The key id travels in the payload's metadata, so payloads written under an older
 * key still decrypt after a rotation.
 */

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly active: PayloadKey;
  private readonly byId: ReadonlyMap<string, Buffer>;

  /** The first key encrypts; all of them decrypt. */
  constructor(keys: readonly PayloadKey[]) {
    const [active] = keys;
    if (!active) throw new Error('a payload codec needs at least one key');
    this.active = active;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.active;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The key id is authenticated too, so a payload cannot be relabelled to another key.
    cipher.setAAD(Buffer.from(id));
    const plain = Buffer.from(JSON.stringify(payloadToJson(payload)));
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID]: utf8(id) }, data: new Uint8Array(sealed) };
  }

  private decrypt(payload: Payload): Payload {
    // Payloads written before encryption was switched on stay readable.
    if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
    const id = text(payload.metadata?.[KEY_ID]) ?? '';
    const key = this.byId.get(id);
    if (!key) throw new Error(`payload encrypted with key "${id}", which is not configured (PAYLOAD_KEYS)`);
    const sealed = Buffer.from(payload.data ?? []);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    return payloadFromJson(PayloadJson.parse(JSON.parse(plain.toString('utf8'))));
  }
}
