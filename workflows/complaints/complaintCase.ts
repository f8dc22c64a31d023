import { condition, log } from '@temporalio/workflow';
import { type SlaClockName, slaTarget } from '../../config/policies/slaPolicy';
import type { NotificationTemplate } from '../../activities/types';
import type { Deadline } from '../../domain/case';
import { addBusinessTime } from '../lib/businessCalendar';
import { caseStore } from '../lib/activities';
import { closeCase } from '../lib/closeCase';
import type { Fact } from '../lib/facts';
import { notifyCustomer, notifyParty } from '../lib/notify';
import { failureReason, isPartnerFailure } from '../lib/partnerFailure';
import { SlaClock } from '../lib/slaClock';
import { declareVersioning } from '../lib/versioning';
import { classifyComplaint } from './classify';
import { registerComplaintHandlers } from './handlers';
import type { ComplaintCaseInput } from './input';
import { type ComplaintFacts, ComplaintState } from './state';
import type { ComplaintOutcome } from './vocabulary';
import { complaints } from './definition';

export interface ComplaintCaseResult {
  outcome: ComplaintOutcome;
}

/**
 * Complaint: classified by the policy's rules (a repeat within the window is
 * flagged) → routed to an agent by skill and workload → acknowledged (first-response SLA) →
 * a solution proposed (solution SLA, paused while the agent waits for the customer's answer) →
 * verification window → confirmed, or reopened. Messages, reassignment and escalation are taken
 * at any step; a missed target escalates, and a major incident starts at the top level.
 * Described for readers in docs/processes/complaints.md.
 */
export async function complaintCase(input: ComplaintCaseInput): Promise<ComplaintCaseResult> {
  const state = new ComplaintState(input.caseId);
  registerComplaintHandlers(input, state);
  const { journal, facts } = state;
  const { caseId, customer, policy, sla } = input;
  const arrived = (slot: keyof ComplaintFacts) => facts[slot] !== undefined && !facts[slot]!.acknowledged;
  const notify = (template: NotificationTemplate, data?: Record<string, unknown>) => notifyCustomer(journal, customer, template, data);
  const classification = classifyComplaint(`${input.subject}\n${input.description}`, policy);
  const subject = {
    caseType: 'complaint' as const,
    segment: customer.segment,
    tier: customer.tier,
    priority: classification.priority,
    channel: input.channel,
  };
  const clocks = new Map<SlaClockName, SlaClock>();
  let closing = false;
  let served: Promise<unknown> = Promise.resolve();
  /** The agent routing last gave the case to. */
  let routedTo: string | null = null;
  /** Fails the flow when work running beside it fails: a clock's message, an action being served. */
  let failBeside: (err: unknown) => void = () => undefined;
  const besideFailed = new Promise<never>((_, reject) => {
    failBeside = reject;
  });
  const watch = (work: Promise<unknown>) => void work.catch(failBeside);

  const deadlines = (): Deadline[] =>
    [...clocks.values()].map((c) => c.deadline()).filter((d): d is Deadline => d !== null);

  function startClock(name: SlaClockName): void {
    const target = slaTarget(sla, name, subject);
    if (!target) return;
    clocks.get(name)?.stop();
    const clock = new SlaClock(target, { onWarning: (c) => slaEvent('warning', c), onBreach: (c) => slaEvent('breached', c) });
    clocks.set(name, clock);
    watch(clock.finished.then(() => clock.throwIfFailed()));
  }

  async function slaEvent(kind: 'warning' | 'breached', clock: SlaClock): Promise<void> {
    await journal.record(`sla.${kind}`, { data: { clock: clock.name, targetMs: clock.target.targetMs }, patch: { deadlines: deadlines() } });
    await notifyParty(journal, {
      audience: 'operations',
      recipientId: journal.assignee ?? 'complaints',
      template: kind === 'warning' ? 'sla_warning' : 'sla_breached',
      data: { clock: clock.name },
      key: ['sla', kind, clock.name, state.reopened],
    });
    if (kind === 'breached') await escalate(`${clock.name} target missed`);
  }

  async function escalate(reason: string): Promise<void> {
    const major = classification.severity === 'major_incident';
    const { levels, incidentChannel } = policy.escalation;
    await state.escalation.escalate(String(++state.escalations), {
      reason,
      levels,
      startAtLevel: major ? levels.length - 1 : 0,
      incidentChannel: major ? incidentChannel : undefined,
    });
  }

  /** The customer's dedicated advisor, when the policy sends their segment's complaints there first. */
  function dedicatedAdvisor(): string | undefined {
    const { advisorId, segment } = customer;
    return advisorId && segment && policy.advisorFirst?.includes(segment) ? advisorId : undefined;
  }

  /** An advisor with no room still hears of their customer's complaint, and who has it. */
  async function tellAdvisor(advisor: string, assignee: string | null): Promise<void> {
    await notifyParty(journal, {
      audience: 'operations',
      recipientId: advisor,
      template: 'advisor_customer_complaint',
      data: { assignee, category: classification.category, severity: classification.severity },
      key: ['advisor', advisor],
    });
  }

  async function assign(change: { agentId?: string; excludeAgentId?: string; preferAgentId?: string }): Promise<string | null> {
    const { agentId } = await caseStore.assignAgent({ caseId, skill: classification.skill, ...change });
    if (agentId) {
      routedTo = agentId;
      await notifyParty(journal, {
        audience: 'operations',
        recipientId: agentId,
        template: 'complaint_assigned',
        data: { category: classification.category, severity: classification.severity },
        key: ['assigned', agentId, state.escalations, state.reopened],
      });
    }
    return agentId;
  }

  /** Takes each fact of a slot as it arrives, for as long as the case is open. */
  async function serve<S extends keyof ComplaintFacts>(slot: S, take: (fact: NonNullable<ComplaintFacts[S]>) => Promise<void>): Promise<void> {
    for (;;) {
      await condition(() => arrived(slot) || closing);
      if (closing) return;
      const fact = facts[slot]!;
      await take(fact);
      fact.acknowledge();
    }
  }

  const onMessage = async (fact: Fact<{ text: string }>) => {
    const answersQuestion = fact.actor.kind === 'customer' && journal.status === 'awaiting_customer';
    if (answersQuestion) clocks.get('solution')?.resume();
    await journal.record('message.added', {
      ...(answersQuestion ? { status: 'acknowledged' as const } : {}),
      by: fact,
      data: { text: fact.value.text },
      patch: { deadlines: deadlines() },
    });
  };

  const onReassign = async (fact: Fact<{ agentId?: string }>) => {
    const from = journal.assignee;
    const to = await assign(fact.value.agentId ? { agentId: fact.value.agentId } : { excludeAgentId: from ?? undefined });
    await journal.record(to ? 'complaint.reassigned' : 'complaint.reassign_failed', {
      by: fact,
      data: { from, to, requested: fact.value.agentId ?? null },
      patch: { assignee: to ?? from },
    });
  };

  const onEscalate = async (fact: Fact<{ reason?: string }>) => {
    await escalate(fact.value.reason ?? `escalated by ${fact.actor.kind} ${fact.actor.id}`);
  };

  async function close(outcome: ComplaintOutcome): Promise<ComplaintCaseResult> {
    for (const clock of clocks.values()) clock.stop();
    // Routing's word, not the record's: a failure may come between the two.
    const holder = routedTo ?? journal.assignee;
    if (holder) await caseStore.releaseAgent({ caseId, agentId: holder });
    closing = true;
    await closeCase(state, { outcome, resolution: 'human', data: { reopened: state.reopened }, surveyed: input });
    await Promise.all([...clocks.values()].map((c) => c.finished));
    return { outcome };
  }

  /** Everything the flow does until the case's outcome is known; close() then ends it. */
  async function handle(): Promise<ComplaintOutcome> {
    const { caseId: repeatOf } = await caseStore.findRecentComplaint({
      customerId: customer.id,
      excludeCaseId: caseId,
      withinMs: policy.repeatWindowMs,
    });
    startClock('first_response');
    startClock('solution');
    await journal.record('complaint.classified', {
      data: { ...classification, repeatOf },
      patch: {
        priority: classification.priority,
        details: { ...classification, repeat: repeatOf !== null, repeatOf },
        deadlines: deadlines(),
      },
    });
    await notify('complaint_received', { category: classification.category });
    if (classification.severity === 'major_incident') await escalate('major incident');

    const advisor = dedicatedAdvisor();
    const firstAgent = await assign(advisor ? { preferAgentId: advisor } : {});
    if (advisor && firstAgent !== advisor) await tellAdvisor(advisor, firstAgent);
    await journal.record(firstAgent ? 'complaint.routed' : 'complaint.queued', {
      status: 'routed',
      data: { assignee: firstAgent, skill: classification.skill, ...(advisor && { advisor }) },
      patch: { assignee: firstAgent },
    });
    served = Promise.all([serve('message', onMessage), serve('reassign', onReassign), serve('escalate', onEscalate)]);
    watch(served);

    await condition(() => arrived('acknowledge'));
    clocks.get('first_response')?.stop();
    await journal.record('complaint.acknowledged', { status: 'acknowledged', by: facts.acknowledge!, patch: { deadlines: deadlines() } });
    facts.acknowledge!.acknowledge();
    await notify('complaint_acknowledged');

    for (;;) {
      await condition(() => arrived('proposal') || arrived('requestInfo'));
      if (arrived('requestInfo')) {
        const request = facts.requestInfo!;
        clocks.get('solution')?.pause();
        await journal.record('information.requested', {
          status: 'awaiting_customer',
          by: request,
          data: { ...request.value },
          patch: { deadlines: deadlines() },
        });
        request.acknowledge();
        await notify('information_requested', { question: request.value.question });
        await condition(() => journal.status !== 'awaiting_customer');
        continue;
      }
      const proposal = facts.proposal!;
      clocks.get('solution')?.stop();
      const verification = slaTarget(sla, 'verification', subject);
      const now = Date.now();
      const verifyUntil = verification ? addBusinessTime(now, verification.targetMs, verification.calendar) : now;
      await journal.record('solution.proposed', {
        status: 'solution_proposed',
        by: proposal,
        data: { ...proposal.value },
        patch: { deadlines: [{ name: 'verification', dueAt: new Date(verifyUntil).toISOString() }] },
      });
      proposal.acknowledge();
      await notify('solution_proposed', { solution: proposal.value.solution });

      if (!(await condition(() => arrived('verdict'), Math.max(1, verifyUntil - now)))) {
        await journal.record('verification.lapsed');
        break;
      }
      const verdict = facts.verdict!;
      if (verdict.value.satisfied) {
        await journal.record('solution.confirmed', { by: verdict, data: { comment: verdict.value.comment } });
        return 'resolved';
      }
      state.reopened++;
      startClock('solution');
      await journal.record('complaint.reopened', {
        status: 'acknowledged',
        by: verdict,
        data: { comment: verdict.value.comment, times: state.reopened },
        patch: { deadlines: deadlines(), details: { reopened: state.reopened } },
      });
      verdict.acknowledge();
    }
    return 'resolved_unconfirmed';
  }

  try {
    const outcome = await Promise.race([handle(), besideFailed]);
    const result = await close(outcome);
    await served;
    return result;
  } catch (err) {
    if (!isPartnerFailure(err)) throw err;
    // A partner refused for good (the notification gateway, say) or stayed down past the retry
    // window: record why and close, freeing the agent, rather than fail the execution.
    log.error('complaint case failed', { caseId, error: String(err.cause ?? err) });
    await journal.record('case.failed', { data: { error: failureReason(err) } });
    return close('failed');
  }
}

declareVersioning(complaints.versioning, complaintCase);
