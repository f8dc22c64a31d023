import { parseArgs } from 'node:util';
import { mintToken, Principal, tokenSettings } from '../api/auth/tokens';
import { ConfigError, loadConfig } from '../config/env';
import { localSecrets } from './localSecrets';

/**
 * `npm run token -- --role agent --sub agent-7 [--queues returns,vip] [--ttl 8h]`: prints a bearer
 * token for local use, signed with AUTH_JWT_SECRET or, when unset, the local stack's own secret
 * (kept in DATA_DIR), so the token works against `npm start`.
 */
const USAGE = 'usage: npm run token -- --role customer|agent|supervisor|supplier|admin --sub <id> [--queues a,b] [--ttl 8h]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      queues: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  const principal = Principal.safeParse({
    role: values.role,
    sub: values.sub,
    queues: values.queues?.split(',').filter(Boolean),
  });
  if (!principal.success) {
    const problems = principal.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`);
    throw new Error([USAGE, ...problems].join('\n'));
  }
  const config = loadConfig();
  const { authJwtSecret } = await localSecrets(config);
  process.stdout.write(`${await mintToken(principal.data, tokenSettings(config, authJwtSecret), values.ttl)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
