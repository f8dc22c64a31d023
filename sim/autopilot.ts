import type { AutopilotRuns, AutopilotStep } from './autopilotRuns';
import type { CaseScripts } from './caseScripts';
import type { LabelRecord } from './ledger';
import { carrierWebhook, inspectionWebhook } from './webhookEvents';

/**
 * Plays carrier and warehouse for a return once its label exists: picked up, delivered, inspected,
 * each after a delay and only once our API accepted the previous step.
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
  runs: AutopilotRuns;
}

const DAMAGE_NOTES = 'casing cracked, not resaleable (simulated)';

export class Autopilot {
  constructor(private readonly opts: AutopilotOptions) {}

  labelCreated(label: LabelRecord): void {
    if (!this.opts.enabled || this.opts.scripts.get(label.caseId).pickup === 'never') return;
    this.opts.runs.start(label.labelId, label.caseId, this.stepsFor(label));
  }

  labelVoided(labelId: string): void {
    this.opts.runs.abort(labelId);
  }

  private stepsFor({ caseId, trackingNumber }: LabelRecord): AutopilotStep[] {
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
}
