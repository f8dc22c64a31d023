import { randomBytes } from 'node:crypto';
import { type DataKey, newDataKey } from '../../config/dataKeys';
import { AesGcmPayloadCodec, type CustomerKeys, ENCRYPTED_ENCODING } from '../../config/payloadCodec';
import { type PayloadKey, PayloadKeysSetting } from '../../config/payloadKeys';

const key = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const jsonPayload = (value: unknown) => ({
  metadata: { encoding: new Uint8Array(Buffer.from('json/plain')) },
  data: new Uint8Array(Buffer.from(JSON.stringify(value))),
});
const secret = { email: 'erika@example.com', phone: '+49 30 5550199' };

describe('the payload codec', () => {
  it('encrypts payloads, naming the key, and decrypts them back exactly', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [encoded] = await codec.encode([jsonPayload(secret)]);

    expect(text(encoded!.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encoded!.metadata?.['encryption-key-id'])).toBe('k1');
    expect(text(encoded!.data)).not.toContain('erika');
    expect(await codec.decode([encoded!])).toEqual([jsonPayload(secret)]);
  });

  it('keeps decrypting payloads of an older key after a rotation, and encrypts with the new one', async () => {
    const [k1, k2] = [key('k1'), key('k2')];
    const before = new AesGcmPayloadCodec([k1]);
    const after = new AesGcmPayloadCodec([k2, k1]);
    const [old] = await before.encode([jsonPayload(secret)]);
    const [fresh] = await after.encode([jsonPayload(secret)]);

    expect(await after.decode([old!, fresh!])).toEqual([jsonPayload(secret), jsonPayload(secret)]);
    expect(text(fresh!.metadata?.['encryption-key-id'])).toBe('k2');
    await expect(new AesGcmPayloadCodec([k2]).decode([old!])).rejects.toThrow(/key "k1", which is not configured/);
  });

  it('refuses a tampered payload and one relabelled to another key', async () => {
    const [k1, k2] = [key('k1'), key('k2')];
    const codec = new AesGcmPayloadCodec([k1, k2]);
    const [encoded] = await codec.encode([jsonPayload(secret)]);
    const tampered = { ...encoded!, data: new Uint8Array(encoded!.data!) };
    tampered.data[20] = (tampered.data[20] ?? 0) ^ 1;
    const relabelled = { ...encoded!, metadata: { ...encoded!.metadata, 'encryption-key-id': new Uint8Array(Buffer.from('k2')) } };

    await expect(codec.decode([tampered])).rejects.toThrow();
    await expect(codec.decode([relabelled])).rejects.toThrow();
  });

  it('passes payloads through that were stored before encryption was switched on', async () => {
    expect(await new AesGcmPayloadCodec([key('k1')]).decode([jsonPayload(secret)])).toEqual([jsonPayload(secret)]);
  });
});

/** Two customers' keys as the key ring hands them out, by the case each workflow id belongs to. */
class FakeCustomerKeys implements CustomerKeys {
  readonly keys = new Map<string, DataKey | 'erased'>();
  private readonly byCase = new Map<string, DataKey>();

  constructor(cases: Record<string, DataKey>) {
    for (const [caseId, key] of Object.entries(cases)) {
      this.byCase.set(caseId, key);
      this.keys.set(key.id, key);
    }
  }

  async keyForWorkflow(workflowId: string) {
    return this.byCase.get(workflowId.split(':')[0]!);
  }

  async keyById(id: string) {
    const key = this.keys.get(id);
    if (!key) throw new Error(`no data key ${id}`);
    return key;
  }

  destroy(key: DataKey) {
    this.keys.set(key.id, 'erased');
  }
}

describe('the payload codec with customers’ data keys', () => {
  const [erika, li] = [newDataKey(), newDataKey()];
  const context = (workflowId: string) => ({ type: 'workflow' as const, namespace: 'default', workflowId });
  const setUp = () => {
    const customerKeys = new FakeCustomerKeys({ case_erika: erika, case_li: li });
    return { customerKeys, codec: new AesGcmPayloadCodec([key('k1')], customerKeys) };
  };

  it('encrypts a case’s payloads, and its survey’s and escalations’, with its customer’s key, naming the key only', async () => {
    const { codec } = setUp();
    const [own, survey, escalation] = await Promise.all(
      ['case_erika', 'case_erika:feedback', 'case_erika:escalation:first_response'].map(async (id) => (await codec.encode([jsonPayload(secret)], context(id)))[0]!),
    );

    for (const encoded of [own, survey, escalation]) {
      expect(text(encoded!.metadata?.['data-key-id'])).toBe(erika.id);
      expect(encoded!.metadata?.['encryption-key-id']).toBeUndefined();
      expect(text(encoded!.data)).not.toContain('erika');
    }
    expect(await codec.decode([own!, survey!, escalation!])).toEqual([jsonPayload(secret), jsonPayload(secret), jsonPayload(secret)]);
  });

  it('encrypts what belongs to no customer with the master key: no context, a daily job', async () => {
    const { codec } = setUp();
    const [unnamed] = await codec.encode([jsonPayload(secret)]);
    const [job] = await codec.encode([jsonPayload(secret)], context('after-sales.quality-sample'));

    expect([unnamed, job].map((p) => text(p!.metadata?.['encryption-key-id']))).toEqual(['k1', 'k1']);
    expect(await codec.decode([unnamed!, job!])).toEqual([jsonPayload(secret), jsonPayload(secret)]);
  });

  it('decodes an erased customer’s payloads to the erased marker, and another customer’s as before', async () => {
    const { codec, customerKeys } = setUp();
    const [erikas] = await codec.encode([jsonPayload(secret)], context('case_erika'));
    const [lis] = await codec.encode([jsonPayload({ note: 'Li' })], context('case_li'));
    customerKeys.destroy(erika);

    const [erased, kept] = await codec.decode([erikas!, lis!]);

    expect(JSON.parse(text(erased!.data))).toEqual({ erased: true, dataKeyId: erika.id, note: expect.stringContaining('erased') });
    expect(text(erased!.metadata?.encoding)).toBe('json/plain');
    expect(kept).toEqual(jsonPayload({ note: 'Li' }));
  });

  it('still decodes payloads written under the master key before customers had keys', async () => {
    const k1 = key('k1');
    const [old] = await new AesGcmPayloadCodec([k1]).encode([jsonPayload(secret)], context('case_erika'));
    const withCustomerKeys = new AesGcmPayloadCodec([k1], new FakeCustomerKeys({ case_erika: erika }));

    expect(await withCustomerKeys.decode([old!])).toEqual([jsonPayload(secret)]);
  });

  it('refuses a payload relabelled to another customer’s key, and one it has no customer keys for', async () => {
    const { codec } = setUp();
    const [erikas] = await codec.encode([jsonPayload(secret)], context('case_erika'));
    const relabelled = { ...erikas!, metadata: { ...erikas!.metadata, 'data-key-id': new Uint8Array(Buffer.from(li.id)) } };

    await expect(codec.decode([relabelled])).rejects.toThrow();
    await expect(new AesGcmPayloadCodec([key('k1')]).decode([erikas!])).rejects.toThrow(/has no customer keys/);
  });
});

describe('PAYLOAD_KEYS', () => {
  const base64 = () => randomBytes(32).toString('base64');

  it('lists keys, the active one first', () => {
    const keys = PayloadKeysSetting.parse(`k2:${base64()}, k1:${base64()}`);
    expect(keys.map((k) => k.id)).toEqual(['k2', 'k1']);
  });

  it.each([
    ['a key of the wrong size', `k1:${randomBytes(16).toString('base64')}`],
    ['an entry without an id', base64()],
    ['the same id twice', `k1:${base64()},k1:${base64()}`],
    ['no key at all', ' , '],
  ])('refuses %s', (_what, setting) => {
    expect(PayloadKeysSetting.safeParse(setting).success).toBe(false);
  });
});
