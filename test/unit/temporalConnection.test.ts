import { ConfigError, loadConfig } from '../../config/env';
import { temporalConnectionOptions } from '../../config/temporalConnection';

const files: Record<string, string> = { '/secrets/tls.crt': 'CERT', '/secrets/tls.key': 'KEY', '/secrets/ca.crt': 'CA' };
const read = async (path: string): Promise<Uint8Array> => {
  const text = files[path];
  if (text === undefined) throw new Error('ENOENT: no such file');
  return Buffer.from(text);
};

function optionsFor(env: Record<string, string>) {
  return temporalConnectionOptions({ ...loadConfig(env), TEMPORAL_ADDRESS: 'temporal:7233' }, read);
}

describe('the connection to Temporal (Temporal Cloud, mTLS, a local server)', () => {
  it('connects in the clear to a server that asks for nothing, as the local stack and compose do', async () => {
    await expect(optionsFor({})).resolves.toEqual({ address: 'temporal:7233' });
  });

  it('sends a Temporal Cloud API key over TLS only', async () => {
    await expect(optionsFor({ TEMPORAL_API_KEY: 'cloud-key' })).resolves.toEqual({ address: 'temporal:7233', apiKey: 'cloud-key', tls: true });
  });

  it('presents the mounted client certificate and key for mTLS, with a private CA when one is named', async () => {
    const options = await optionsFor({
      TEMPORAL_TLS_CERT_PATH: '/secrets/tls.crt',
      TEMPORAL_TLS_KEY_PATH: '/secrets/tls.key',
      TEMPORAL_TLS_CA_PATH: '/secrets/ca.crt',
    });
    expect(options.tls).toEqual({ clientCertPair: { crt: Buffer.from('CERT'), key: Buffer.from('KEY') }, serverRootCACertificate: Buffer.from('CA') });
  });

  it('turns TLS on alone for a server with a publicly trusted certificate', async () => {
    await expect(optionsFor({ TEMPORAL_TLS: 'true' })).resolves.toEqual({ address: 'temporal:7233', tls: true });
  });

  it('names the missing half of a certificate pair, and a file it cannot read, before connecting', async () => {
    await expect(optionsFor({ TEMPORAL_TLS_CERT_PATH: '/secrets/tls.crt' })).rejects.toThrow(/TEMPORAL_TLS_KEY_PATH: required/);
    await expect(optionsFor({ TEMPORAL_TLS_KEY_PATH: '/secrets/tls.key' })).rejects.toThrow(/TEMPORAL_TLS_CERT_PATH: required/);
    await expect(
      optionsFor({ TEMPORAL_TLS_CERT_PATH: '/secrets/missing.crt', TEMPORAL_TLS_KEY_PATH: '/secrets/tls.key' }),
    ).rejects.toThrow(ConfigError);
  });
});
