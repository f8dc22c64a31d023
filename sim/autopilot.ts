import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { CaseScripts } from './caseScripts';
import type { LabelRecord } from './ledger';
import { carrierWebhook, inspectionWebhook, type PartnerWebhook } from './webhookEvents';
import type { WebhookSender } from './webhookSender';

/**
 * Plays carrier and warehouse for a return once its label exists: picked up, delivered, inspected,
 * each after a delay and only once our API accepted the previous step. Every run hangs on an
 * AbortSignal, so voiding the label or stopping the simulator leaves no timer behind.
 */

export interface AutopilotDelays {
  pickupMs: number;
  deliveryMs: number;
  inspectionMs: number;
}

export interface AutopilotOptions {
  /** Off: labels are issued but nothing moves unless a test or the demo sends the events. */
  enabled: boolean;
  delays: AutopilotDelays;
  scripts: CaseScripts;
  sender: WebhookSender;
  logger: Logger;
}

interface Step {
  delayMs: number;
  /** Built when due, so a script changed after the label still applies; undefined ends the run. */
  webhook: () => PartnerWebhook | undefined;
}

const DAMAGE_NOTES = 'casing cracked, not resaleable (simulated)';

export class Autopilot {
  private readonly runs = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(private readonly opts: AutopilotOptions) {}

  labelCreated(label: LabelRecord): void {
    if (!this.opts.enabled || this.opts.scripts.get(label.caseId).pickup === 'never') return;
    const controller = new AbortController();
    const done = this.play(label, this.stepsFor(label), controller.signal).finally(() => {
      if (this.runs.get(label.labelId)?.controller === controller) this.runs.delete(label.labelId);
    });
    this.runs.set(label.labelId, { controller, done });
  }

  labelVoided(labelId: string): void {
    this.runs.get(labelId)?.controller.abort();
  }

  async stop(): Promise<void> {
    const runs = [...this.runs.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((run) => run.done));
  }

  private stepsFor({ caseId, trackingNumber }: LabelRecord): Step[] {
    const { delays, scripts } = this.opts;
    const inspection = () => {
      const { inspection: result } = scripts.get(caseId);
      if (result === 'manual') return undefined;
      return inspectionWebhook({ caseId, result, ...(result === 'damaged' && { notes: DAMAGE_NOTES }) });
    };
    return [
      { delayMs: delays.pickupMs, webhook: () => carrierWebhook({ caseId, type: 'picked_up', trackingNumber }) },
      { delayMs: delays.deliveryMs, webhook: () => carrierWebhook({ caseId, type: 'delivered', trackingNumber }) },
      { delayMs: delays.inspectionMs, webhook: inspection },
    ];
  }

  private async play(label: LabelRecord, steps: Step[], signal: AbortSignal): Promise<void> {
    try {
      for (const step of steps) {
        await sleep(step.delayMs, undefined, { signal });
        const webhook = step.webhook();
        if (!webhook) return;
        const outcome = await this.opts.sender.deliver(webhook, signal);
        if (outcome.status === null || outcome.status >= 300) {
          const { caseId } = label;
          this.opts.logger.warn({ caseId, type: webhook.event.type, outcome }, 'autopilot gave up on this case');
          return;
        }
      }
    } catch (err) {
      if (!signal.aborted) this.opts.logger.error({ err, caseId: label.caseId }, 'autopilot run failed');
    }
  }
}
