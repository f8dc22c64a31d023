import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type Config, EnvSchema } from '../../config/env';
import { formatPayloadKeys } from '../../config/payloadKeys';
import { WORKER_CAPACITY_SETTINGS } from '../../worker/createWorker';
import { killWithParent, stopChild } from '../childLifetime';
import { OutputTail } from '../outputTail';
import type { Stack } from '../stack';

const REPO = path.resolve(__dirname, '../..');
/** Bundling the workflows on 2 busy cores takes seconds; a worker not polling after this is broken. */
const READY_TIMEOUT_MS = 90_000;
/** What worker/main.ts logs right before it starts polling. */
const READY_MESSAGE = '"msg":"worker polling"';

/**
 * The production worker entry point (worker/main.ts) as a child process of its own, as it is
 * deployed: the bench measures it so, and a drill can kill it with SIGKILL, as a crashed host
 * would, and start it again. One process (node with tsx's loader, no wrapper), so a signal reaches
 * the worker itself.
 */
export class WorkerProcess {
  private child: ChildProcess | null = null;
  private readonly output: OutputTail;

  constructor(
    private readonly env: Record<string, string>,
    logFile: string,
    /** A worker that dies without being told to is news: the drill reports it. */
    private readonly onUnexpectedExit: (detail: string) => void,
  ) {
    this.output = new OutputTail(40, logFile);
  }

  /** Resolves once the worker says it is polling; rejects with its last output when it dies or hangs first. */
  async start(): Promise<void> {
    if (this.child) throw new Error('the worker is already running');
    // WORKER_NODE_OPTIONS reaches the worker alone: `--cpu-prof --cpu-prof-dir=<dir>` profiles it during a run.
    const nodeOptions = process.env.WORKER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'worker/main.ts'], {
      cwd: REPO,
      env: { PATH: process.env.PATH, ...this.env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    killWithParent(child);
    let ready = false;
    const polling = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the worker did not poll within ${READY_TIMEOUT_MS / 1000}s`)), READY_TIMEOUT_MS);
      this.output.follow(child.stdout, (line) => {
        if (ready || !line.includes(READY_MESSAGE)) return;
        ready = true;
        clearTimeout(timer);
        resolve();
      });
      this.output.follow(child.stderr);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const detail = `the worker exited (${signal ?? `code ${code}`}); last output:\n${this.output.text()}`;
        if (!ready) reject(new Error(detail));
        else if (this.child === child) this.onUnexpectedExit(detail);
      });
    });
    try {
      await polling;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** The running worker's process id, or null. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** SIGKILL: no shutdown hook runs, and tasks in flight are abandoned half-way. */
  async kill(): Promise<void> {
    const child = this.release();
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM: the worker drains the tasks in flight and exits. */
  async stop(): Promise<void> {
    const child = this.release();
    if (child) await stopChild(child);
    await this.output.close();
  }

  /** Forgets the running child (so its exit is expected) and returns it while it still runs. */
  private release(): ChildProcess | null {
    const child = this.child;
    this.child = null;
    return child && child.exitCode === null && child.signalCode === null ? child : null;
  }
}

/**
 * The worker process for a stack started without its own worker: its output goes to
 * `dataDir`/worker.log, and an exit nobody asked for is reported through `progress`.
 */
export function workerProcessFor(config: Config, stack: Stack, dataDir: string, progress: (message: string) => void): WorkerProcess {
  return new WorkerProcess(workerEnv(config, stack), path.join(dataDir, 'worker.log'), (detail) => progress(`UNEXPECTED: ${detail}`));
}

/**
 * What worker/main.ts needs to join the stack; every partner URL the configuration knows (they
 * all end in _URL, like the database's and the public one, which are not partners) points at the
 * stack's simulator.
 */
function workerEnv(config: Config, stack: Stack): Record<string, string> {
  if (!stack.simulatorUrl) throw new Error('a worker process joins a stack that plays the partners itself');
  const simulatorUrl = stack.simulatorUrl;
  const partnerUrls = Object.keys(EnvSchema.shape)
    .filter((key) => key.endsWith('_URL') && key !== 'DATABASE_URL' && key !== 'PUBLIC_BASE_URL')
    .map((key) => [key, simulatorUrl]);
  return {
    ...Object.fromEntries(partnerUrls),
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
    DATABASE_URL: stack.databaseUrl,
    DATABASE_POOL_MAX: String(config.DATABASE_POOL_MAX),
    ...Object.fromEntries(WORKER_CAPACITY_SETTINGS.flatMap((key) => (config[key] === undefined ? [] : [[key, String(config[key])]]))),
    ...(config.TEMPORAL_METRICS_PORT !== undefined && { TEMPORAL_METRICS_PORT: String(config.TEMPORAL_METRICS_PORT) }),
    // The worker must decrypt what the stack's client encrypts.
    PAYLOAD_KEYS: formatPayloadKeys(stack.payloadKeys),
  };
}
