import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { killWithParent } from './childLifetime';
import { startTicker, type Ticker } from './elapsed';
import { findOnPath, isExecutableFile } from './executables';
import { withFileLock } from './fileLock';
import { OutputTail } from './outputTail';

/** A command-line tool the project builds with `go install` from the Go module proxy, pinned. */
export interface GoTool {
  /** How messages name it: "the Temporal CLI". */
  label: string;
  /** The package `go install` builds, without the version. */
  pkg: string;
  version: string;
  /** The binary's file name, the last element of pkg. */
  binary: string;
}

const BUILD_DIR_PREFIX = '.build-';

/** Where Go lives when it was installed from the official tarball but never added to PATH. */
const GO_DEFAULT_INSTALL = '/usr/local/go/bin/go';

export async function findGo(): Promise<string | null> {
  return (await findOnPath('go')) ?? ((await isExecutableFile(GO_DEFAULT_INSTALL)) ? GO_DEFAULT_INSTALL : null);
}

/**
 * Builds a pinned tool with `go install` into binDir/<binary>. The binary is built in a scratch
 * directory and renamed into place, so a killed build never leaves a half-written binary that later
 * runs would trust; a lock file keeps concurrent callers (jest next to `npm start`) from building twice.
 * `works` says whether a binary already in place is usable (the build we waited for may have made it).
 */
export async function buildGoTool(
  tool: GoTool,
  opts: { go: string; binDir: string; works: (path: string) => Promise<boolean>; onProgress: (msg: string) => void },
): Promise<string> {
  const { go, binDir, onProgress } = opts;
  const target = join(binDir, tool.binary);
  await mkdir(binDir, { recursive: true });
  let waiting: Ticker | undefined;
  try {
    return await withFileLock(
      join(binDir, '.build.lock'),
      async () => {
        waiting?.stop();
        if (await opts.works(target)) return target;
        await removeAbandonedBuilds(binDir);
        const scratch = await mkdtemp(join(binDir, BUILD_DIR_PREFIX));
        try {
          await goInstall(tool, go, scratch, onProgress);
          await rename(join(scratch, tool.binary), target);
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
        return target;
      },
      {
        onWait: (pid) => {
          onProgress(`another process${pid ? ` (pid ${pid})` : ''} is building ${tool.label}; waiting for it`);
          waiting = startTicker((elapsed) => onProgress(`still waiting for the other build of ${tool.label} (${elapsed})`));
        },
      },
    );
  } finally {
    waiting?.stop();
  }
}

/** Scratch directories of builds that were killed; only safe to remove while holding the lock. */
async function removeAbandonedBuilds(binDir: string): Promise<void> {
  const entries = await readdir(binDir);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(BUILD_DIR_PREFIX))
      .map((name) => rm(join(binDir, name), { recursive: true, force: true })),
  );
}

function goInstall(tool: GoTool, go: string, gobin: string, onProgress: (msg: string) => void): Promise<void> {
  onProgress(
    `building ${tool.label} ${tool.version} from the Go module proxy; ` +
      'the first build takes several minutes; later runs reuse it',
  );
  // -v names each package as it is compiled: the only sign of life during minutes of compiling.
  let modulesDownloaded = 0;
  let packagesCompiled = 0;
  const ticker = startTicker((elapsed) =>
    onProgress(
      `still building ${tool.label} (${elapsed} elapsed; ` +
        `${modulesDownloaded} modules downloaded, ${packagesCompiled} packages compiled)`,
    ),
  );
  const child = spawn(go, ['install', '-v', `${tool.pkg}@${tool.version}`], {
    env: { ...process.env, GOBIN: gobin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killWithParent(child);
  const output = new OutputTail();
  const count = (line: string) => {
    if (line.startsWith('go: downloading')) modulesDownloaded += 1;
    else if (!line.startsWith('go: ')) packagesCompiled += 1;
  };
  output.follow(child.stdout, count);
  output.follow(child.stderr, count);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      ticker.stop();
      reject(new Error(`could not run ${go}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      ticker.stop();
      if (code === 0) {
        onProgress(`built ${tool.label} in ${ticker.elapsed()}`);
        resolve();
      } else {
        reject(
          new Error(
            `go install ${tool.pkg}@${tool.version} failed (${signal ?? `exit code ${code}`}) ` +
              `after ${ticker.elapsed()}; last output:\n${output.text()}`,
          ),
        );
      }
    });
  });
}
