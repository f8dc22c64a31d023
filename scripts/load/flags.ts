/**
 * Sizes on the command line of the bench and the drill: `--name value` or `--name=value`, and
 * `--quick`, which swaps in every flag's quick value before explicit flags apply. An unknown flag
 * stops the run with the list of known ones, so a typo never silently measures the default.
 */

type FlagValue = number | string;

export interface FlagSpec<V extends FlagValue = FlagValue> {
  default: V;
  quick?: V;
  help: string;
}

export type Flags<S extends Record<string, FlagSpec>> = { [K in keyof S]: S[K]['default'] } & { quick: boolean };

export class FlagError extends Error {}

export function parseFlags<S extends Record<string, FlagSpec>>(argv: string[], spec: S): Flags<S> {
  const quick = argv.includes('--quick');
  const values: Record<string, FlagValue> = {};
  for (const [name, flag] of Object.entries(spec)) values[name] = quick && flag.quick !== undefined ? flag.quick : flag.default;

  const args = argv.filter((arg) => arg !== '--quick');
  for (let i = 0; i < args.length; i += 1) {
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(args[i]!);
    const name = match?.[1];
    const flag = name === undefined ? undefined : spec[name];
    if (!name || !flag) throw new FlagError(`unknown argument ${args[i]}\n${usage(spec)}`);
    const raw = match[2] ?? args[++i];
    if (raw === undefined) throw new FlagError(`--${name} needs a value`);
    values[name] = typeof flag.default === 'number' ? toNumber(name, raw) : raw;
  }
  return { ...values, quick } as Flags<S>;
}

function toNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new FlagError(`--${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export function usage(spec: Record<string, FlagSpec>): string {
  const lines = Object.entries(spec).map(
    ([name, flag]) => `  --${name.padEnd(18)} ${flag.help} (default ${flag.default}${flag.quick === undefined ? '' : `, quick ${flag.quick}`})`,
  );
  return ['flags:', '  --quick              smaller sizes for a fast run', ...lines].join('\n');
}
