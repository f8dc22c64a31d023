import { readFileSync, writeFileSync } from 'node:fs';

/**
 * `npm ci` insists that every optional platform binary of a package (@swc/core-darwin-arm64, …)
 * has a lockfile entry, but a registry mirror that serves only this platform's builds never lets
 * `npm install` record them (npm/cli#9846), so `npm ci` would refuse our lockfile everywhere.
 * This adds the missing entries with the platform constraints their names encode: npm skips
 * them on other platforms and fetches them on their own. Run after every `npm install`.
 */

type Entry = {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
};

const oses = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony'];
const cpus = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'loong64', 'riscv64'];

function platformOf(name: string): Pick<Entry, 'os' | 'cpu' | 'libc'> | null {
  const parts = name.split('/').pop()!.split('-');
  const os = parts.find((p) => oses.includes(p));
  const cpu = parts.find((p) => cpus.includes(p));
  if (!os || !cpu) return null;
  const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : parts.some((p) => p.startsWith('gnu')) ? 'glibc' : null;
  return { os: [os], cpu: [cpu], ...(os === 'linux' && libc ? { libc: [libc] } : {}) };
}

const lockPath = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, Entry> };
const added: string[] = [];
for (const parent of Object.values(lock.packages)) {
  for (const [name, range] of Object.entries(parent.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = platformOf(name);
    if (lock.packages[key] || !platform || !/^\d+\.\d+\.\d+$/.test(range)) continue;
    lock.packages[key] = { version: range, ...(parent.dev ? { dev: true } : {}), optional: true, ...platform };
    added.push(`${name}@${range}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(added.length ? `added lockfile entries for ${added.join(', ')}\n` : 'lockfile already complete\n');
