import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tokenSettings, verifyToken } from '../../../api/auth/tokens';
import { loadConfig } from '../../../config/env';
import { localSecrets } from '../../../scripts/localSecrets';
import { runScript } from '../db/runScript';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aso-token-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The environment of a developer who configured nothing: the local stack's own secret applies. */
const env = () => ({ PATH: process.env.PATH, DATA_DIR: dataDir });

describe('npm run token', () => {
  it('prints a token the local stack accepts, with the role, subject and queues asked for', async () => {
    const run = await runScript('scripts/mintToken.ts', ['--role', 'agent', '--sub', 'agent-7', '--queues', 'returns,vip'], env());

    expect(run.code).toBe(0);
    const config = loadConfig({ DATA_DIR: dataDir });
    const { authJwtSecret } = await localSecrets(config);
    await expect(verifyToken(run.stdout.trim(), tokenSettings(config, authJwtSecret))).resolves.toEqual({
      sub: 'agent-7',
      role: 'agent',
      queues: ['returns', 'vip'],
    });
  });

  it('refuses a role that does not exist, saying how it is used', async () => {
    const run = await runScript('scripts/mintToken.ts', ['--role', 'owner', '--sub', 'x'], env());

    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/usage: npm run token -- --role customer\|agent\|supervisor\|supplier\|admin/);
    expect(run.stdout).toBe('');
  });
});
