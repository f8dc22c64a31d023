import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { webDistDir } from '../../api/webApp';
import { formatElapsed } from '../elapsed';
import { withFileLock } from '../fileLock';

/**
 * Building the web app (web/, docs/web.md) into web/dist, where the API serves it. `npm start` and
 * the tests' global setup build only when the sources changed: a hash of web/ (without its builds)
 * and of the lockfile is kept beside the build. `npm run web:build` builds regardless.
 */

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const webDir = path.join(root, 'web');
const HASH_FILE = '.source-hash';
/** Builds, half-done builds and the lock live beside the sources as web/dist*, outside the hash. */
const isBuildOutput = (name: string) => name.startsWith('dist') || name === 'node_modules';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !(dir === webDir && isBuildOutput(e.name)))
      .map((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return nested.flat().sort();
}

/** Names and contents of every source file, and the lockfile that pins the build tools. */
export async function webSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...(await sourceFiles(webDir)), path.join(root, 'package-lock.json')]) {
    hash.update(path.relative(root, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

async function builtHash(): Promise<string | null> {
  return readFile(path.join(webDistDir, HASH_FILE), 'utf8').catch(() => null);
}

/**
 * Builds into a folder of its own and swaps it in with renames, so an API serving the old build
 * never sees a half-written one.
 */
export async function buildWeb(onProgress: (message: string) => void): Promise<void> {
  const startedAt = Date.now();
  const hash = await webSourceHash();
  const outDir = `${webDistDir}.tmp-${process.pid}`;
  const oldDir = `${webDistDir}.old-${process.pid}`;
  onProgress('building the web app');
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  await run(process.execPath, [vite, 'build', webDir, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root });
  await writeFile(path.join(outDir, HASH_FILE), hash);
  await rename(webDistDir, oldDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  await rename(outDir, webDistDir);
  await rm(oldDir, { recursive: true, force: true });
  onProgress(`web app built in ${formatElapsed(Date.now() - startedAt)}`);
}

/** Builds the web app unless web/dist was built from the current sources. */
export async function ensureWebBuild(onProgress: (message: string) => void): Promise<void> {
  if ((await builtHash()) === (await webSourceHash())) return;
  // Test runs and `npm start` may start at once: one builds, the others wait and find it current.
  await withFileLock(`${webDistDir}.lock`, async () => {
    if ((await builtHash()) !== (await webSourceHash())) await buildWeb(onProgress);
  }, { onWait: () => onProgress('waiting for another process building the web app') });
}

if (require.main === module) {
  buildWeb((message) => process.stderr.write(`[web] ${message}\n`)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
