import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { killWithParent } from '../childLifetime';
import { withFileLock } from '../fileLock';
import { OutputTail } from '../outputTail';
import { startTicker, type Ticker } from '../elapsed';
import { temporalCliVersion } from './cliVersion';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
const BUILD_DIR_PREFIX = '.build-';

/**
 * Builds the pinned Temporal CLI with `go install` into binDir/temporal. The binary is built in a
 * scratch directory and renamed into place, so a killed build never leaves a half-written binary
 * that later runs would trust; a lock file keeps concurrent callers (jest next to `npm start`) from
 * building twice.
 */
export async function buildTemporalCli(opts: {
  go: string;
  binDir: string;
  onProgress: (msg: string) => void;
}): Promise<string> {
  const { go, binDir, onProgress } = opts;
  const target = join(binDir, 'temporal');
  await mkdir(binDir, { recursive: true });
  let waiting: Ticker | undefined;
  try {
    return await withFileLock(
      join(binDir, '.build.lock'),
      async () => {
        waiting?.stop();
        // The build we waited for may have produced the binary already.
        if (await temporalCliVersion(target)) return target;
        await removeAbandonedBuilds(binDir);
        const scratch = await mkdtemp(join(binDir, BUILD_DIR_PREFIX));
        try {
          await goInstall(go, scratch, onProgress);
          await rename(join(scratch, 'temporal'), target);
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
        return target;
      },
      {
        onWait: (pid) => {
          onProgress(`another process${pid ? ` (pid ${pid})` : ''} is building the Temporal CLI; waiting for it`);
          waiting = startTicker((elapsed) => onProgress(`still waiting for the other Temporal CLI build (${elapsed})`));
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

function goInstall(go: string, gobin: string, onProgress: (msg: string) => void): Promise<void> {
  onProgress(
    `building the Temporal CLI ${TEMPORAL_CLI_VERSION} from the Go module proxy; ` +
      'the first build takes several minutes; later starts reuse it',
  );
  // -v names each package as it is compiled: the only sign of life during minutes of compiling.
  let modulesDownloaded = 0;
  let packagesCompiled = 0;
  const ticker = startTicker((elapsed) =>
    onProgress(
      `still building the Temporal CLI (${elapsed} elapsed; ` +
        `${modulesDownloaded} modules downloaded, ${packagesCompiled} packages compiled)`,
    ),
  );
  const child = spawn(go, ['install', '-v', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
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
        onProgress(`built the Temporal CLI in ${ticker.elapsed()}`);
        resolve();
      } else {
        reject(
          new Error(
            `go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION} failed (${signal ?? `exit code ${code}`}) ` +
              `after ${ticker.elapsed()}; last output:\n${output.text()}`,
          ),
        );
      }
    });
  });
}
