import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config/env';
import { type PayloadKey, PayloadKeysSetting, generatePayloadKeys } from '../config/payloadKeys';

/**
 * The token secret and payload keys of a local stack. Configured values win; otherwise they are
 * made up once and kept in the data folder (owner-only), because both must outlive a restart:
 * open cases' history stays decryptable, and `npm run token` mints tokens the stack accepts.
 */

const Stored = z.object({ authJwtSecret: z.string().min(32), payloadKeys: PayloadKeysSetting });
export interface LocalSecrets {
  authJwtSecret: string;
  payloadKeys: PayloadKey[];
}

function isCode(err: unknown, code: string): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === code;
}

async function stored(file: string): Promise<LocalSecrets> {
  try {
    return Stored.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (err) {
    if (!isCode(err, 'ENOENT')) throw new Error(`${file} is unreadable; delete it to make new local secrets`, { cause: err });
  }
  const fresh = { authJwtSecret: randomBytes(32).toString('base64url'), payloadKeys: generatePayloadKeys() };
  try {
    // wx: when two processes start at once, one writes and the other reads what it wrote.
    await writeFile(file, JSON.stringify(fresh), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if (!isCode(err, 'EEXIST')) throw err;
    return stored(file);
  }
  return Stored.parse(fresh);
}

export async function localSecrets(config: Config): Promise<LocalSecrets> {
  if (config.AUTH_JWT_SECRET && config.PAYLOAD_KEYS) {
    return { authJwtSecret: config.AUTH_JWT_SECRET, payloadKeys: config.PAYLOAD_KEYS };
  }
  const dataDir = path.resolve(config.DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  const local = await stored(path.join(dataDir, 'local-secrets.json'));
  return {
    authJwtSecret: config.AUTH_JWT_SECRET ?? local.authJwtSecret,
    payloadKeys: config.PAYLOAD_KEYS ?? local.payloadKeys,
  };
}

/** No configured token secret: the stack signs with one it made up, so nobody's real identity is at stake. */
export function usesLocalTokenSecret(config: Config): boolean {
  return config.AUTH_JWT_SECRET === undefined;
}
