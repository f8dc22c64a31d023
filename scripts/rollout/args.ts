import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EnvSchema } from '../../config/env';
import { FlagError } from '../load/flags';

/** The command line of `npm run rollout` (scripts/rollout/main.ts), checked before anything connects. */

const USAGE = `usage: npm run rollout -- <command> [--deployment <name>]
  status                          every build of the deployment, what is open on each, where new cases go
  ramp <build-id> <percent>       send that share of new cases (1-100) to a build whose workers run
  promote <build-id>              make the build current: every new case starts on it, the build before drains
  rollback <build-id>             end any ramp and make an earlier build current again (its workers must still run)
  drain <build-id> [--all]        wait until nothing pinned to the build is open (--all: nothing at all), then say so
--deployment defaults to WORKER_DEPLOYMENT_NAME; --timeout-s (drain) to 600.`;

const BuildId = EnvSchema.shape.WORKER_BUILD_ID.unwrap();
const Percent = z.coerce.number().int('a whole number').min(1).max(100);

const Command = z.discriminatedUnion('command', [
  z.object({ command: z.literal('status') }),
  z.object({ command: z.literal('ramp'), buildId: BuildId, percent: Percent }),
  z.object({ command: z.literal('promote'), buildId: BuildId }),
  z.object({ command: z.literal('rollback'), buildId: BuildId }),
  z.object({ command: z.literal('drain'), buildId: BuildId }),
]);
type Command = z.infer<typeof Command>;

const ARITY: Record<string, string[]> = { status: [], ramp: ['buildId', 'percent'], promote: ['buildId'], rollback: ['buildId'], drain: ['buildId'] };

/** The command line as a command, or a FlagError saying what is wrong with it and how it goes. */
export function parseRolloutArgs(argv: string[]): { command: Command; deployment?: string; all: boolean; timeoutMs: number } {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        options: { deployment: { type: 'string' }, all: { type: 'boolean', default: false }, 'timeout-s': { type: 'string', default: '600' } },
      });
    } catch (error) {
      throw new FlagError(`${(error as Error).message}\n${USAGE}`);
    }
  })();
  const [name, ...rest] = positionals;
  const names = name === undefined ? undefined : ARITY[name];
  if (!names) throw new FlagError(`${name === undefined ? 'no command' : `unknown command ${name}`}\n${USAGE}`);
  const shown = names.map((n) => `<${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}>`);
  if (rest.length !== names.length) throw new FlagError(`${name} takes ${names.length === 0 ? 'no arguments' : shown.join(' ')}\n${USAGE}`);
  const parsed = Command.safeParse({ command: name, ...Object.fromEntries(names.map((n, i) => [n, rest[i]])) });
  if (!parsed.success) throw new FlagError(`${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`);
  const timeoutS = Number(values['timeout-s']);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new FlagError(`--timeout-s must be a positive number of seconds\n${USAGE}`);
  return { command: parsed.data, deployment: values.deployment, all: values.all ?? false, timeoutMs: timeoutS * 1000 };
}
