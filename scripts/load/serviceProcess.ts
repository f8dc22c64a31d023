import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { killWithParent, stopChild } from '../childLifetime';
import { OutputTail } from '../outputTail';

const REPO = path.resolve(__dirname, '../..');
/** Bundling the workflows on 2 busy cores takes seconds; a service not ready after this is broken. */
const READY_TIMEOUT_MS = 90_000;

export interface ServiceProcessOptions {
  /** Names it in messages: "the worker", "the API". */
  name: string;
  /** The production entry point, from the repository root: worker/main.ts, api/main.ts. */
  entry: string;
  /** What it logs once it serves; start() resolves then. */
  readyMessage: string;
  env: Record<string, string>;
  /** Node's own options for it alone (`--cpu-prof` to profile it). */
  nodeOptions?: string[];
  logFile: string;
  /** A service that dies without being told to is news: the drill reports it. */
  onUnexpectedExit: (detail: string) => void;
}

/**
 * A production entry point of the service (the worker, the API) as a child process of its own, as
 * it is deployed: the bench measures it so, and a drill can kill it with SIGKILL, as a crashed host
 * would, and start it again. One process (node with tsx's loader, no wrapper), so a signal reaches
 * the service itself.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private readonly output: OutputTail;

  constructor(private readonly opts: ServiceProcessOptions) {
    this.output = new OutputTail(40, opts.logFile);
  }

  /** Resolves once it logs its ready message; rejects with its last output when it dies or hangs first. */
  async start(): Promise<void> {
    const { name, entry, readyMessage } = this.opts;
    if (this.child) throw new Error(`${name} is already running`);
    const child = spawn(process.execPath, [...(this.opts.nodeOptions ?? []), '--import', 'tsx', entry], {
      cwd: REPO,
      env: { PATH: process.env.PATH, ...this.opts.env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    killWithParent(child);
    let ready = false;
    const serving = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} was not ready within ${READY_TIMEOUT_MS / 1000}s`)), READY_TIMEOUT_MS);
      this.output.follow(child.stdout, (line) => {
        if (ready || !line.includes(readyMessage)) return;
        ready = true;
        clearTimeout(timer);
        resolve();
      });
      this.output.follow(child.stderr);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const detail = `${name} exited (${signal ?? `code ${code}`}); last output:\n${this.output.text()}`;
        if (!ready) reject(new Error(detail));
        else if (this.child === child) this.opts.onUnexpectedExit(detail);
      });
    });
    try {
      await serving;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** The running process's id, or null. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** SIGKILL: no shutdown hook runs, and work in flight is abandoned half-way. */
  async kill(): Promise<void> {
    const child = this.release();
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM: it drains the work in flight and exits. */
  async stop(): Promise<void> {
    const child = this.release();
    if (child) await stopChild(child);
    await this.output.close();
  }

  /** SIGTERM, as a deployment stops the old release: it drains the work in flight and exits; then it starts again. */
  async restart(): Promise<void> {
    const child = this.release();
    if (child) await stopChild(child);
    await this.start();
  }

  /** Forgets the running child (so its exit is expected) and returns it while it still runs. */
  private release(): ChildProcess | null {
    const child = this.child;
    this.child = null;
    return child && child.exitCode === null && child.signalCode === null ? child : null;
  }
}
