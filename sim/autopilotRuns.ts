import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { PartnerWebhook } from './webhookEvents';
import { accepted, BRIEF_PATIENCE, type Patience, type WebhookAttempt, type WebhookSender } from './webhookSender';

/**
 * The runs the autopilot plays in the background, one per thing it follows (a return label, a
 * repair order). Every run hangs on an AbortSignal, so voiding the label, cancelling the order or
 * stopping the simulator leaves no timer behind.
 */

export interface AutopilotStep {
  delayMs: number;
  /** Built when due, so a script changed meanwhile still applies; undefined ends the run. */
  webhook: () => PartnerWebhook | undefined;
  /** How long our API may keep refusing the event; by default a few seconds. */
  patience?: Patience;
  /** Whether the run goes on after the last attempt; by default only once our API accepted the event. */
  settled?: (attempt: WebhookAttempt) => boolean;
}

interface Run {
  controller: AbortController;
  done: Promise<void>;
}

export class AutopilotRuns {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly sender: WebhookSender,
    private readonly logger: Logger,
  ) {}

  /** Plays the steps for `key` in order; a run already playing for that key is aborted first. */
  start(key: string, caseId: string, steps: AutopilotStep[]): void {
    this.abort(key);
    const controller = new AbortController();
    const done = this.play(caseId, steps, controller.signal).finally(() => {
      if (this.runs.get(key)?.controller === controller) this.runs.delete(key);
    });
    this.runs.set(key, { controller, done });
  }

  abort(key: string): void {
    this.runs.get(key)?.controller.abort();
  }

  async stop(): Promise<void> {
    const runs = [...this.runs.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((run) => run.done));
  }

  private async play(caseId: string, steps: AutopilotStep[], signal: AbortSignal): Promise<void> {
    try {
      for (const step of steps) {
        await sleep(step.delayMs, undefined, { signal });
        const webhook = step.webhook();
        if (!webhook) return;
        const settled = step.settled ?? accepted;
        const outcome = await this.sender.deliver(webhook, signal, step.patience ?? BRIEF_PATIENCE, settled);
        if (!settled(outcome)) {
          this.logger.warn({ caseId, type: webhook.event.type, outcome }, 'autopilot gave up on this case');
          return;
        }
      }
    } catch (err) {
      if (!signal.aborted) this.logger.error({ err, caseId }, 'autopilot run failed');
    }
  }
}
