import type { VisitOutcome } from '../domain/partners';
import type { SupplierStep } from '../workflows/repairs/state';
import type { AutopilotRuns, AutopilotStep } from './autopilotRuns';
import type { CaseScripts, RepairScript } from './caseScripts';
import { newTrackingNumber } from './ids';
import type { RepairOrderRecord } from './ledger';
import { supplierWebhook, type SupplierEvent } from './webhookEvents';
import { accepted, type Patience, type WebhookAttempt } from './webhookSender';

/**
 * Plays the supplier of a repair order by the case's repair script (sim/caseScripts.ts): a workshop
 * order from the moment it is placed, an on-site order from the moment its visit is booked.
 */

export interface RepairAutopilotOptions {
  /** Off: orders are taken but no supplier step is sent unless a test or the demo sends it. */
  enabled: boolean;
  /** The time between one supplier step and the next. */
  stepDelayMs: number;
  scripts: CaseScripts;
  runs: AutopilotRuns;
}

const workshopSequences: Record<RepairScript, readonly SupplierStep[]> = {
  in_warranty: ['received', 'diagnosed', 'repaired', 'shipped_back'],
  // 'repaired' waits for the customer's decision on the quote (see decidedByCustomer).
  quote: ['received', 'diagnosed', 'repaired', 'shipped_back'],
  unrepairable: ['received', 'diagnosed', 'unrepairable'],
  late: ['received'],
  // Played when a visit is booked; a workshop order scripted for one gets no events.
  on_site: [],
  manual: [],
};

const visitOutcomes: Record<RepairScript, VisitOutcome | undefined> = {
  in_warranty: 'repaired',
  quote: 'repaired',
  on_site: 'repaired',
  unrepairable: 'unrepairable',
  late: undefined,
  manual: undefined,
};

const diagnoses: Partial<Record<RepairScript, string>> = {
  in_warranty: 'faulty charging board, covered by warranty (simulated)',
  quote: 'cracked display assembly (simulated)',
  unrepairable: 'liquid damage to the mainboard, beyond economical repair (simulated)',
};

const QUOTE = { amount: 8_900, currency: 'EUR' };

/** The customer may take a while over a quote: the repair is offered again for about a quarter of an hour. */
const AWAITING_CUSTOMER: Patience = { attempts: 200, firstDelayMs: 300, maxDelayMs: 5_000 };

/**
 * The supplier cannot see the customer's decision on a quote, so it offers 'repaired' until our
 * API takes it (approved). A refusal that allows only 'shipped_back' means the quote was declined:
 * the item goes back unrepaired, which is the next step of the sequence anyway.
 */
function decidedByCustomer(attempt: WebhookAttempt): boolean {
  if (accepted(attempt)) return true;
  if (attempt.status !== 409) return false;
  const allowed = (attempt.body as { allowedSteps?: unknown } | undefined)?.allowedSteps;
  return Array.isArray(allowed) && allowed.includes('shipped_back');
}

export class RepairAutopilot {
  constructor(private readonly opts: RepairAutopilotOptions) {}

  orderPlaced(order: RepairOrderRecord): void {
    if (!this.opts.enabled || order.onSite) return;
    const script = this.scriptFor(order);
    const steps = workshopSequences[script].map((type) => this.workshopStep(order, script, type));
    this.opts.runs.start(order.repairOrderId, order.caseId, steps);
  }

  /** A rebooked visit replaces the outcome still pending for the earlier one. */
  visitBooked(order: RepairOrderRecord): void {
    if (!this.opts.enabled) return;
    const outcome = visitOutcomes[this.scriptFor(order)];
    if (!outcome) return this.opts.runs.abort(order.repairOrderId);
    this.opts.runs.start(order.repairOrderId, order.caseId, [this.step(order, { type: 'visit_completed', outcome })]);
  }

  orderCancelled(repairOrderId: string): void {
    this.opts.runs.abort(repairOrderId);
  }

  private scriptFor(order: RepairOrderRecord): RepairScript {
    const scripted = this.opts.scripts.get(order.caseId).repair;
    return scripted ?? (order.onSite ? 'on_site' : order.inWarranty ? 'in_warranty' : 'quote');
  }

  private workshopStep(order: RepairOrderRecord, script: RepairScript, type: SupplierStep): AutopilotStep {
    switch (type) {
      case 'diagnosed':
        return this.step(order, { type, diagnosis: diagnoses[script], ...(script === 'quote' && { quote: QUOTE }) });
      case 'repaired':
        return script === 'quote'
          ? { ...this.step(order, { type }), patience: AWAITING_CUSTOMER, settled: decidedByCustomer }
          : this.step(order, { type });
      case 'shipped_back':
        return this.step(order, { type, trackingNumber: newTrackingNumber() });
      default:
        return this.step(order, { type });
    }
  }

  private step(
    order: RepairOrderRecord,
    content: Omit<SupplierEvent, 'eventId' | 'caseId' | 'occurredAt'>,
  ): AutopilotStep {
    return {
      delayMs: this.opts.stepDelayMs,
      webhook: () => supplierWebhook(order.supplierId, { caseId: order.caseId, ...content }),
    };
  }
}
