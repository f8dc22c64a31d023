import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { findOnPath } from '../executables';
import { findGo } from '../goTool';
import { userCacheDir } from '../userCache';
import { buildTemporalCli, TEMPORAL_CLI_VERSION } from './buildCli';
import { temporalCliVersion } from './cliVersion';

/** A CLI binary to run, or a request to let the Temporal SDK download its own dev server. */
export type TemporalCli = { kind: 'path'; path: string } | { kind: 'sdk-download' };

/**
 * Finds a Temporal CLI: TEMPORAL_CLI_PATH, `temporal` on PATH, the project's cache
 * outside the repo, a build from the Go module proxy when Go is present, else the SDK download.
 * The order is README's, Configuration › Temporal CLI.
 */
export async function resolveTemporalCli(
  opts: { explicitPath?: string; onProgress?: (msg: string) => void } = {},
): Promise<TemporalCli> {
  const onProgress = opts.onProgress ?? (() => undefined);
  const use = (path: string, version: string, source: string): TemporalCli => {
    onProgress(`using the Temporal CLI ${source}: ${path} (${version})`);
    return { kind: 'path', path };
  };

  if (opts.explicitPath) {
    const version = await temporalCliVersion(opts.explicitPath);
    // The caller named this binary; silently using another one would hide the misconfiguration.
    if (!version) throw new Error(`TEMPORAL_CLI_PATH=${opts.explicitPath} is not a working Temporal CLI`);
    return use(opts.explicitPath, version, 'from TEMPORAL_CLI_PATH');
  }

  const onPath = await findOnPath('temporal');
  if (onPath) {
    const version = await temporalCliVersion(onPath);
    if (version) return use(onPath, version, 'on PATH');
    onProgress(`ignoring ${onPath}: \`temporal --version\` failed`);
  }

  const binDir = temporalCliCacheDir();
  const cached = join(binDir, 'temporal');
  const cachedVersion = await temporalCliVersion(cached);
  if (cachedVersion) return use(cached, cachedVersion, 'from the cache');
  if (await exists(cached)) onProgress(`the cached Temporal CLI ${cached} does not run; rebuilding it`);

  const go = await findGo();
  if (go) {
    const built = await buildTemporalCli({ go, binDir, onProgress });
    const version = await temporalCliVersion(built);
    if (!version) throw new Error(`the freshly built Temporal CLI ${built} does not run`);
    return use(built, version, 'just built');
  }

  onProgress('no Temporal CLI and no Go toolchain found; the Temporal SDK will download its dev server (needs internet)');
  return { kind: 'sdk-download' };
}

/** Per-user and per-version, outside the repo, so clones and `git clean` never pay the build again. */
export function temporalCliCacheDir(): string {
  return userCacheDir('temporal-cli', TEMPORAL_CLI_VERSION);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
