import { readFile } from 'node:fs/promises';
import type { TLSConfig } from '@temporalio/client';
import { type Config, ConfigError } from './env';

/** What both the client's Connection and the worker's NativeConnection take to reach the server. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig | true;
  apiKey?: string;
}

type TlsSettings = Pick<
  Config,
  'TEMPORAL_TLS' | 'TEMPORAL_API_KEY' | 'TEMPORAL_TLS_CERT_PATH' | 'TEMPORAL_TLS_KEY_PATH' | 'TEMPORAL_TLS_CA_PATH'
>;

/**
 * The API's and the worker's connection to Temporal from the configuration. An API key goes over TLS
 * only (Temporal Cloud refuses it in the clear), so setting one turns TLS on; a certificate without
 * its key, or the other way round, is reported by name rather than left for the handshake to fail.
 */
export async function temporalConnectionOptions(
  config: TlsSettings & { TEMPORAL_ADDRESS: string },
  read: (path: string) => Promise<Uint8Array> = readFile,
): Promise<TemporalConnectionOptions> {
  const { TEMPORAL_TLS_CERT_PATH: certPath, TEMPORAL_TLS_KEY_PATH: keyPath, TEMPORAL_TLS_CA_PATH: caPath } = config;
  if (certPath !== undefined && keyPath === undefined) throw new ConfigError(['TEMPORAL_TLS_KEY_PATH: required with TEMPORAL_TLS_CERT_PATH (mTLS needs both)']);
  if (keyPath !== undefined && certPath === undefined) throw new ConfigError(['TEMPORAL_TLS_CERT_PATH: required with TEMPORAL_TLS_KEY_PATH (mTLS needs both)']);
  const apiKey = config.TEMPORAL_API_KEY;
  const useTls = config.TEMPORAL_TLS || apiKey !== undefined || certPath !== undefined || caPath !== undefined;
  const options: TemporalConnectionOptions = { address: config.TEMPORAL_ADDRESS, ...(apiKey === undefined ? {} : { apiKey }) };
  if (!useTls) return options;
  const tls: TLSConfig = {};
  if (certPath !== undefined && keyPath !== undefined) {
    tls.clientCertPair = { crt: await readSetting(read, 'TEMPORAL_TLS_CERT_PATH', certPath), key: await readSetting(read, 'TEMPORAL_TLS_KEY_PATH', keyPath) };
  }
  if (caPath !== undefined) tls.serverRootCACertificate = await readSetting(read, 'TEMPORAL_TLS_CA_PATH', caPath);
  return { ...options, tls: Object.keys(tls).length === 0 ? true : tls };
}

async function readSetting(read: (path: string) => Promise<Uint8Array>, setting: string, path: string): Promise<Uint8Array> {
  try {
    return await read(path);
  } catch (error) {
    throw new ConfigError([`${setting}: cannot read ${path} (${(error as Error).message})`]);
  }
}
