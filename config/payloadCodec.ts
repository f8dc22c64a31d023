import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { open, seal } from './aesGcm';
import type { DataKey } from './dataKeys';
import type { PayloadKey } from './payloadKeys';
import { PayloadJson, payloadFromJson, payloadToJson } from './payloadJson';

/**
 * Encrypts every payload Temporal stores (workflow inputs and results, activity arguments,
 * updates, signals, queries) with AES-256-GCM, so its history holds no personal data in clear.
 * Every client and worker uses it; it runs outside the workflow sandbox, on the way to and from
 * the server.
 *
 * A case's payloads (its workflow's, its survey's, its escalations') are encrypted with its
 * customer's data key, found through the serialization context's workflow id; anything else with
 * the active master key. The key's id travels in the payload's metadata, so payloads written
 * under an older master key, or before data keys, still decrypt, and those of a customer whose
 * data key was destroyed (erasure) decode to an "erased" marker instead of failing.
 */

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const DATA_KEY_ID = 'data-key-id';

/** Where the codec finds customers' data keys (db/customerKeyRing.ts). */
export interface CustomerKeys {
  /** The data key of the customer whose case this workflow belongs to; undefined: no customer's. */
  keyForWorkflow(workflowId: string): Promise<DataKey | undefined>;
  /** A data key by its id, or 'erased' once it was destroyed. */
  keyById(id: string): Promise<DataKey | 'erased'>;
}

/** What an erased customer's payload decodes to: the Temporal UI shows it, a worker gets it as a value. */
export interface ErasedPayload {
  erased: true;
  dataKeyId: string;
  note: string;
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

export function erasedPayload(dataKeyId: string): Payload {
  const marker: ErasedPayload = {
    erased: true,
    dataKeyId,
    note: "The customer's personal data was erased; this payload can no longer be read. 该客户的个人数据已删除，此内容无法再读取。",
  };
  return { metadata: { encoding: utf8('json/plain') }, data: utf8(JSON.stringify(marker)) };
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly active: PayloadKey;
  private readonly byId: ReadonlyMap<string, Buffer>;

  /**
   * The first key encrypts; all of them decrypt. Without `customerKeys` every payload is encrypted
   * with the master key (tests, replays), and a payload under a data key cannot be read.
   */
  constructor(
    keys: readonly PayloadKey[],
    private readonly customerKeys?: CustomerKeys,
  ) {
    const [active] = keys;
    if (!active) throw new Error('a payload codec needs at least one key');
    this.active = active;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const workflowId = context?.workflowId;
    const dataKey = workflowId && this.customerKeys ? await this.customerKeys.keyForWorkflow(workflowId) : undefined;
    return payloads.map((payload) => (dataKey ? this.encryptWithDataKey(dataKey, payload) : this.encryptWithMaster(payload)));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.decrypt(payload)));
  }

  private encryptWithMaster(payload: Payload): Payload {
    const { id, key } = this.active;
    // The key id is authenticated too, so a payload cannot be relabelled to another key.
    const sealed = seal(key, id, Buffer.from(JSON.stringify(payloadToJson(payload))));
    return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID]: utf8(id) }, data: new Uint8Array(sealed) };
  }

  private encryptWithDataKey({ id, key }: DataKey, payload: Payload): Payload {
    const sealed = seal(key, `data-key:${id}`, Buffer.from(JSON.stringify(payloadToJson(payload))));
    return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [DATA_KEY_ID]: utf8(id) }, data: new Uint8Array(sealed) };
  }

  private async decrypt(payload: Payload): Promise<Payload> {
    // Payloads written before encryption was switched on stay readable.
    if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
    const sealed = Buffer.from(payload.data ?? []);
    const dataKeyId = text(payload.metadata?.[DATA_KEY_ID]);
    let plain: Buffer;
    if (dataKeyId !== undefined) {
      if (!this.customerKeys) throw new Error(`payload encrypted with data key "${dataKeyId}", and this codec has no customer keys`);
      const dataKey = await this.customerKeys.keyById(dataKeyId);
      if (dataKey === 'erased') return erasedPayload(dataKeyId);
      plain = open(dataKey.key, `data-key:${dataKeyId}`, sealed);
    } else {
      const id = text(payload.metadata?.[KEY_ID]) ?? '';
      const key = this.byId.get(id);
      if (!key) throw new Error(`payload encrypted with key "${id}", which is not configured (PAYLOAD_KEYS)`);
      plain = open(key, id, sealed);
    }
    return payloadFromJson(PayloadJson.parse(JSON.parse(plain.toString('utf8'))));
  }
}
