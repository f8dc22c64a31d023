import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { killWithParent, stopChild } from '../childLifetime';
import { formatElapsed } from '../elapsed';
import { pickPort } from '../net';
import { OutputTail } from '../outputTail';
import type { DevServer, DevServerOptions } from './devServer';
import { sqlitePragmaArgs } from './sqlitePragmas';
import { waitForTemporal } from './waitForTemporal';

/** Generous for 2 slow cores under a parallel test run; a healthy start takes 1–2 s. */
const READY_TIMEOUT_MS = 60_000;

/** Runs `temporal server start-dev` as our child process (flags as of CLI v1.5.1). */
export async function startCliDevServer(cliPath: string, opts: DevServerOptions): Promise<DevServer> {
  const onProgress = opts.onProgress ?? (() => undefined);
  const port = await pickPort(opts.port, 'Temporal dev server');
  const uiPort = opts.uiPort === null ? null : await pickPort(opts.uiPort ?? 0, 'Temporal UI');
  if (opts.dbFile) await mkdir(dirname(opts.dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    ...['--ip', '127.0.0.1', '--port', String(port)],
    ...(uiPort === null ? ['--headless'] : ['--ui-port', String(uiPort)]),
    ...(opts.dbFile ? ['--db-filename', opts.dbFile] : []),
    ...sqlitePragmaArgs(opts.dbFile),
    ...['--namespace', opts.namespace],
    ...['--log-level', 'warn'],
  ];
  const address = `127.0.0.1:${port}`;
  const uiUrl = uiPort === null ? null : `http://127.0.0.1:${uiPort}`;
  const startedAt = Date.now();

  const child = spawn(cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  killWithParent(child);
  const output = new OutputTail(40, opts.logFile);
  output.follow(child.stdout);
  output.follow(child.stderr);
  let ready = false;
  let stopping: Promise<void> | undefined;
  const gone = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`could not be started: ${error.message}`));
    child.once('exit', (code, signal) => resolve(`exited (${signal ?? `exit code ${code}`})`));
  });
  void gone.then((how) => {
    // Before readiness the failure is reported by the thrown error instead.
    if (ready && !stopping) {
      onProgress(`the Temporal dev server at ${address} ${how} unexpectedly; last output:\n${output.text()}`);
    }
  });

  try {
    await waitForTemporal({ address, namespace: opts.namespace, timeoutMs: READY_TIMEOUT_MS, gaveUp: gone });
  } catch (error) {
    stopping = stopChild(child, 2_000).then(() => output.close());
    await stopping;
    throw new Error(
      `the Temporal dev server (${cliPath} ${args.join(' ')}) did not become ready: ${(error as Error).message}\n` +
        `last output:\n${output.text()}` +
        (opts.logFile ? `\nfull log: ${opts.logFile}` : ''),
    );
  }

  ready = true;
  const persistence = opts.dbFile ? `state in ${opts.dbFile}` : 'in-memory';
  onProgress(
    `Temporal dev server ready at ${address} in ${formatElapsed(Date.now() - startedAt)} ` +
      `(${persistence}${uiUrl ? `, UI ${uiUrl}` : ', headless'})`,
  );
  return {
    address,
    uiUrl,
    stop: () => (stopping ??= stopChild(child).then(() => output.close())),
  };
}
