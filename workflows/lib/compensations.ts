import { CancellationScope, log } from '@temporalio/workflow';

/**
 * Undo steps registered after each side effect, run newest first. Each runs even if the workflow
 * is being cancelled, and one failing undo does not stop the others: a voided label must not
 * depend on a released reservation succeeding.
 */
export class Compensations {
  private steps: { name: string; undo: () => Promise<unknown> }[] = [];

  add(name: string, undo: () => Promise<unknown>): void {
    this.steps.push({ name, undo });
  }

  async run(): Promise<string[]> {
    const done: string[] = [];
    for (const step of this.steps.reverse()) {
      try {
        await CancellationScope.nonCancellable(step.undo);
        done.push(step.name);
      } catch (err) {
        log.error('compensation failed', { compensation: step.name, error: String(err) });
      }
    }
    this.steps = [];
    return done;
  }
}
