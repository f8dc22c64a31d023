import { CancellationScope, log } from '@temporalio/workflow';

interface Step {
  name: string;
  undo: () => Promise<unknown>;
}

/** One registered undo: run it alone (a paid quote refunded once the repair proves impossible), or drop it once it no longer applies. */
export interface Registered {
  run(): Promise<boolean>;
  discard(): void;
}

/**
 * Undo steps registered after each side effect, run newest first. Each runs even if the workflow
 * is being cancelled, and one failing undo does not stop the others: a voided label must not
 * depend on a released reservation succeeding.
 */
export class Compensations {
  private steps: Step[] = [];

  add(name: string, undo: () => Promise<unknown>): Registered {
    const step: Step = { name, undo };
    this.steps.push(step);
    return {
      run: async () => {
        if (!this.remove(step)) return false;
        return attempt(step);
      },
      discard: () => void this.remove(step),
    };
  }

  async run(): Promise<string[]> {
    const steps = this.steps.reverse();
    this.steps = [];
    const done: string[] = [];
    for (const step of steps) if (await attempt(step)) done.push(step.name);
    return done;
  }

  private remove(step: Step): boolean {
    const before = this.steps.length;
    this.steps = this.steps.filter((s) => s !== step);
    return this.steps.length < before;
  }
}

async function attempt(step: Step): Promise<boolean> {
  try {
    await CancellationScope.nonCancellable(step.undo);
    return true;
  } catch (err) {
    log.error('compensation failed', { compensation: step.name, error: String(err) });
    return false;
  }
}
