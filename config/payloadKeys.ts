import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The AES-256 keys Temporal payloads are encrypted with: `k2:<base64>,k1:<base64>`. The first
 * encrypts; every listed key decrypts, so a rotation adds the new key in front and drops the old
 * one only once no open case's history needs it.
 */

export interface PayloadKey {
  id: string;
  key: Buffer;
}

const KEY_BYTES = 32;
const KeyId = /^[A-Za-z0-9._-]{1,32}$/;

/** Messages name entries by position and id only: key material never reaches a log. */
function parseEntry(entry: string, position: number, ctx: z.RefinementCtx): PayloadKey | undefined {
  const at = entry.indexOf(':');
  const id = entry.slice(0, at).trim();
  const key = Buffer.from(entry.slice(at + 1).trim(), 'base64');
  if (at < 0 || !KeyId.test(id)) {
    ctx.addIssue({ code: 'custom', message: `entry ${position + 1}: each entry is <key id>:<base64 key>, the id of letters, digits . _ -` });
    return undefined;
  }
  if (key.length !== KEY_BYTES) {
    ctx.addIssue({ code: 'custom', message: `key ${id}: ${KEY_BYTES} bytes of base64 needed, got ${key.length}` });
    return undefined;
  }
  return { id, key };
}

export const PayloadKeysSetting = z.string().transform((text, ctx): PayloadKey[] => {
  const keys = text
    .split(',')
    .filter((entry) => entry.trim())
    .map((entry, position) => parseEntry(entry, position, ctx));
  const ids = keys.flatMap((k) => (k ? [k.id] : []));
  if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'at least one key' });
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'key ids must be unique' });
  return keys.filter((k): k is PayloadKey => k !== undefined);
});

/** The setting's text form, for handing keys to a child process. */
export function formatPayloadKeys(keys: readonly PayloadKey[]): string {
  return keys.map(({ id, key }) => `${id}:${key.toString('base64')}`).join(',');
}

/** A fresh single-key setting, for a local stack or a test run that has none configured. */
export function generatePayloadKeys(id = 'local-1'): string {
  return formatPayloadKeys([{ id, key: randomBytes(KEY_BYTES) }]);
}
