import type { ChildProcess } from 'node:child_process';

/**
 * Long-lived helpers (the Temporal dev server, a Go build) must not outlive the Node process that
 * started them: an orphaned dev server keeps its port and silently serves the next run stale state.
 * Only a SIGKILL of this process escapes these hooks.
 */

/** Each child with the signal it gets when this process ends. */
const children = new Map<ChildProcess, NodeJS.Signals>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let hooksInstalled = false;

/**
 * `lastWord`: SIGKILL by default; a child that shuts down cleanly and quickly on its own signal
 * (PostgreSQL on SIGINT) gets that instead, and finishes after this process is gone.
 */
export function killWithParent(child: ChildProcess, lastWord: NodeJS.Signals = 'SIGKILL'): void {
  children.set(child, lastWord);
  child.once('exit', () => children.delete(child));
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/** SIGTERM, then SIGKILL once graceMs has passed; resolves when the child is gone. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function killAll(): void {
  for (const [child, signal] of children) child.kill(signal);
}

function onSignal(signal: NodeJS.Signals): void {
  // Another listener means the application shuts down on its own terms (and stops its children);
  // the 'exit' hook still catches whatever it forgets.
  if (process.listenerCount(signal) > 1) return;
  killAll();
  // Our listener replaced Node's default of dying on the signal; restore it and die the same way.
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}
