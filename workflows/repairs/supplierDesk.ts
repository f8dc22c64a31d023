import { condition } from '@temporalio/workflow';
import type { PartyTemplate } from '../../activities/types';
import type { Deadline } from '../../domain/case';
import { caseStore } from '../lib/activities';
import { notifyParty } from '../lib/notify';
import { SlaClock } from '../lib/slaClock';
import type { RepairCaseInput } from './input';
import type { RepairState, RepairStatus, SupplierReport } from './state';

/** A supplier step the case waits for, with the response clock that started when it was asked. */
export interface SupplierClock {
  label: string;
  requestedAt: string;
  dueInMs: number;
}

/**
 * The case's side of the supplier relationship: every step it waits for runs against the
 * supplier's response SLA (reminder, then breach: supplier and operations told, an escalation
 * started), and every step that arrives is scored on the supplier's scorecard.
 */
export class SupplierDesk {
  readonly supplierId: string;

  constructor(
    private readonly input: RepairCaseInput,
    private readonly state: RepairState,
  ) {
    this.supplierId = input.policy.supplierByCategory[input.item.category]!;
  }

  /** True while a supplier step has arrived and not yet been acted on. */
  get stepArrived(): boolean {
    const fact = this.state.facts.supplier;
    return fact !== undefined && !fact.acknowledged;
  }

  get pendingStep(): SupplierReport {
    return this.state.facts.supplier!.value;
  }

  /** The response time for a step, counted from now or from a later start (a booked visit). */
  clock(label: string, startsAt?: string): SupplierClock {
    const { supplierResponseMs } = this.input.policy;
    const responseMs = supplierResponseMs.bySupplier[this.supplierId] ?? supplierResponseMs.default;
    const now = Date.now();
    const delayMs = startsAt ? Math.max(0, Date.parse(startsAt) - now) : 0;
    return { label, requestedAt: new Date(now).toISOString(), dueInMs: delayMs + responseMs };
  }

  deadlineOf(clock: SupplierClock): Deadline {
    return { name: `supplier_${clock.label}`, dueAt: new Date(Date.parse(clock.requestedAt) + clock.dueInMs).toISOString() };
  }

  /** Waits for the supplier's next step (or `alsoDone`) under its SLA; scores the step if it came. */
  async await(clock: SupplierClock, alsoDone: () => boolean = () => false): Promise<void> {
    const sla = new SlaClock(
      { clock: 'supplier_response', targetMs: clock.dueInMs, calendar: null, warnAt: this.input.policy.supplierReminderAt },
      { onWarning: () => this.tell('supplier', 'supplier_step_reminder', clock), onBreach: () => this.breach(clock) },
    );
    // A late step is still the step the case needs: the wait goes on past the breach.
    await condition(() => this.stepArrived || alsoDone() || sla.failed);
    sla.stop();
    await sla.finished;
    sla.throwIfFailed();
    if (!this.stepArrived) return;
    await caseStore.recordSupplierStep({
      supplierId: this.supplierId,
      caseId: this.input.caseId,
      step: this.pendingStep.step,
      requestedAt: clock.requestedAt,
      completedAt: this.pendingStep.receivedAt,
      dueAt: this.deadlineOf(clock).dueAt,
    });
  }

  /** Records the arrived step as the transition it causes, then answers the supplier. */
  async take(status: RepairStatus, patch: { deadlines?: Deadline[]; details?: Record<string, unknown> } = {}) {
    const fact = this.state.facts.supplier!;
    const { receivedAt: _receivedAt, ...report } = fact.value;
    await this.state.journal.record(`supplier.${report.step}`, {
      status,
      by: fact,
      data: { ...report },
      patch: { deadlines: [], ...patch },
    });
    fact.acknowledge();
    return report;
  }

  private async tell(audience: 'supplier' | 'operations', template: PartyTemplate, clock: SupplierClock): Promise<void> {
    await notifyParty(this.state.journal, {
      audience,
      recipientId: audience === 'supplier' ? this.supplierId : 'operations',
      template,
      data: { supplierId: this.supplierId, awaiting: clock.label, dueAt: this.deadlineOf(clock).dueAt },
      key: [template, audience, clock.label, clock.requestedAt],
    });
  }

  private async breach(clock: SupplierClock): Promise<void> {
    const { policy } = this.input;
    const dueAt = this.deadlineOf(clock).dueAt;
    await this.state.journal.record('supplier_sla.breached', { data: { supplierId: this.supplierId, awaiting: clock.label, dueAt } });
    await this.tell('supplier', 'supplier_step_breached', clock);
    await this.tell('operations', 'supplier_step_breached', clock);
    await this.state.escalation.escalate(clock.label, {
      reason: `supplier ${this.supplierId} late: ${clock.label}`,
      levels: policy.escalation.levels,
    });
  }
}
