import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { buildGoTool, findGo, type GoTool } from '../goTool';
import { userCacheDir } from '../userCache';

/** The chart check's tools, each pinned here alone and built from the Go module proxy into the cache. */
export const HELM: GoTool = { label: 'helm', pkg: 'helm.sh/helm/v4/cmd/helm', version: 'v4.3.2', binary: 'helm' };
export const KUBECONFORM: GoTool = {
  label: 'kubeconform',
  pkg: 'github.com/yannh/kubeconform/cmd/kubeconform',
  version: 'v0.8.0',
  binary: 'kubeconform',
};

/** The first line a working binary prints for `version`/`-v`, or null. */
function versionOf(path: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(path, args, { timeout: 15_000 }, (error, stdout) => resolve(error ? null : (stdout.split('\n')[0]?.trim() || null)));
  });
}

const VERSION_ARGS: Record<string, string[]> = { helm: ['version', '--short'], kubeconform: ['-v'] };

/**
 * The pinned tool from the project's cache outside the repo, built there on first use. A tool on
 * PATH is not used: the check's verdict must not depend on whichever helm a machine happens to have.
 */
export async function resolveGoTool(tool: GoTool, onProgress: (msg: string) => void): Promise<{ path: string; version: string }> {
  const args = VERSION_ARGS[tool.binary] ?? ['--version'];
  const binDir = userCacheDir(tool.binary, tool.version);
  const cached = join(binDir, tool.binary);
  const works = async (path: string) => (await versionOf(path, args)) !== null;
  let path = cached;
  if (!(await works(cached))) {
    const go = await findGo();
    if (!go) throw new Error(`${tool.label} ${tool.version} is not in ${binDir} and there is no Go toolchain (go on PATH or /usr/local/go) to build it`);
    path = await buildGoTool(tool, { go, binDir, works, onProgress });
  }
  const version = await versionOf(path, args);
  if (!version) throw new Error(`the freshly built ${tool.label} ${path} does not run`);
  return { path, version };
}

/** `go mod download` of a module at a version: the directory of its sources in Go's module cache. */
export async function goModuleDir(module: string, version: string): Promise<string> {
  const go = await findGo();
  if (!go) throw new Error(`no Go toolchain to download ${module}@${version} with`);
  const stdout = await new Promise<string>((resolve, reject) => {
    // Outside any go.mod, so the download is of the module alone.
    execFile(go, ['mod', 'download', '-json', `${module}@${version}`], { cwd: '/', maxBuffer: 1 << 20, timeout: 15 * 60_000 }, (error, out, err) =>
      error ? reject(new Error(`go mod download ${module}@${version} failed: ${err || out || error.message}`)) : resolve(out),
    );
  });
  const { Dir: dir, Error: failure } = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!dir) throw new Error(`go mod download ${module}@${version}: ${failure ?? 'no directory reported'}`);
  return dir;
}
