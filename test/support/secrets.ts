import { randomBytes } from 'node:crypto';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { generatePayloadKeys, PayloadKeysSetting } from '../../config/payloadKeys';

/** Made up per harness: a test's clients and workers share them, and nothing else knows them. */
export function testAuthSecret(): string {
  return randomBytes(32).toString('hex');
}

export function testPayloadCodec(): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec(PayloadKeysSetting.parse(generatePayloadKeys('test-1')));
}
