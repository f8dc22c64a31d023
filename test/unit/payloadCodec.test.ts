import { randomBytes } from 'node:crypto';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from '../../config/payloadCodec';
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
