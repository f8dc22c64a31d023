import { randomBytes } from 'node:crypto';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { generatePayloadKeys, type PayloadKey, PayloadKeysSetting } from '../../config/payloadKeys';

/** Made up per harness: a test's clients and workers share them, and nothing else knows them. */
export function testAuthSecret(): string {
  return randomBytes(32).toString('hex');
}

export function testPayloadKeys(): PayloadKey[] {
  return PayloadKeysSetting.parse(generatePayloadKeys('test-1'));
}

/** With the master key only: for workers and clients without a database (customers' data keys need one). */
export function testPayloadCodec(): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec(testPayloadKeys());
}
