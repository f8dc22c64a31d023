import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM as this service seals things: a fresh 12-byte IV, then the ciphertext, then the
 * 16-byte tag, in one buffer. The associated data names what the key is for, so a sealed value
 * cannot be passed off as sealed under another key id.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function seal(key: Buffer, associated: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associated));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** Throws when the key, the associated data or a single bit of `sealed` is not what sealed it. */
export function open(key: Buffer, associated: string, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(associated));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}
