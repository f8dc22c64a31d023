import { setTimeout as sleep } from 'node:timers/promises';
import { mintToken, type Principal } from '../../api/auth/tokens';
import { caseIdFor } from '../../api/schemas/caseId';
import type { Stack } from '../stack';
import { call } from './call';
import { SeededCustomers } from './customers';
import type { DemoCase, DemoScenario, DemoStep, OrderPlan, RequestPlan } from './scenarios';

/** A scenario's case as the runner follows it. */
export interface Tracked {
  scenario: DemoScenario;
  caseId: string;
  customer: Principal;
  seen: number;
  status: string;
  outcome: string | null;
  acted: Set<number>;
  /** Every escalation the case started, from its timeline. */
  escalationIds: Set<string>;
}

/** The agent who opens (on the customer's behalf, from any channel), reviews and follows the cases. */
const agent: Principal = { sub: 'demo-agent', role: 'agent' };
/** Works the complaints and answers escalations, whoever they were routed to. */
const supervisor: Principal = { sub: 'demo-supervisor', role: 'supervisor' };

async function bearer(stack: Stack, principal: Principal): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintToken(principal, stack.tokens)}` };
}

/**
 * Submits every scenario's request through the API, follows each case's timeline until all have
 * closed or the deadline passes, and plays the people and partners the scenarios call for.
 */
export async function runScenarios(
  stack: Stack,
  scenarios: DemoScenario[],
  progress: (message: string) => void,
  deadlineMs: number,
): Promise<Tracked[]> {
  const tracked = await submitAll(stack, scenarios, progress);
  await follow(stack, tracked, progress, Date.now() + deadlineMs);
  return tracked;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** The plan's order in the order system, for the customer, as the sale would have put it there; its id. */
async function addOrder(stack: Stack, customerId: string, plan: OrderPlan): Promise<string> {
  const res = await call('POST', `${stack.simulatorUrl}/sim/orders`, {
    customerId,
    channel: plan.channel,
    purchasedAt: daysAgo(plan.purchasedDaysAgo),
    deliveredAt: daysAgo(plan.deliveredDaysAgo),
    lines: plan.lines,
  });
  if (res.status !== 201) throw new Error(`the order system refused ${JSON.stringify(plan)}: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

/** The request body for a seeded customer of the plan's kind, with their new order if the plan has one. */
async function requestFor(stack: Stack, customers: SeededCustomers, plan: RequestPlan) {
  const customerId = await customers.pick(plan.customer);
  const orderId = plan.order ? await addOrder(stack, customerId, plan.order) : undefined;
  return { customerId, body: { ...plan.body, customer: { id: customerId }, ...(orderId === undefined ? {} : { orderId }) } };
}

async function submitAll(stack: Stack, scenarios: DemoScenario[], progress: (m: string) => void): Promise<Tracked[]> {
  const tracked: Tracked[] = [];
  const customers = new SeededCustomers(stack);
  for (const [index, scenario] of scenarios.entries()) {
    const idempotencyKey = `demo-${index}-${Date.now()}`;
    const { customerId, body } = await requestFor(stack, customers, scenario.request);
    // The case id follows from the customer and the key, so the simulator can be told before the case exists.
    if (scenario.script) await call('POST', `${stack.simulatorUrl}/sim/scripts`, { caseId: caseIdFor(customerId, idempotencyKey), ...scenario.script });
    const res = await call('POST', `${stack.apiUrl}/v1/cases`, body, {
      'idempotency-key': idempotencyKey,
      ...(await bearer(stack, agent)),
    });
    if (res.status !== 201) throw new Error(`creating "${scenario.title}" answered ${res.status}: ${JSON.stringify(res.body)}`);
    progress(`submitted ${res.body.id}  ${scenario.title}  (customer ${customerId})`);
    tracked.push({
      scenario,
      caseId: res.body.id,
      customer: { sub: customerId, role: 'customer' },
      seen: 0,
      status: 'requested',
      outcome: null,
      acted: new Set(),
      escalationIds: new Set(),
    });
  }
  return tracked;
}

/**
 * Plays the next step a scenario needs once the case matches it. One step per look at the case:
 * the next step's condition must be judged on what the case became after this one.
 */
async function act(stack: Stack, t: Tracked, current: DemoCase): Promise<void> {
  const actors: Record<Exclude<DemoStep['by'], 'partner'>, Principal> = { customer: t.customer, agent, supervisor };
  const index = t.acted.size;
  const step = t.scenario.steps[index];
  if (step && step.when(current)) {
    t.acted.add(index);
    if (step.script) await call('POST', `${stack.simulatorUrl}/sim/scripts`, { caseId: t.caseId, ...step.script });
    const res =
      step.by === 'partner'
        ? await call('POST', `${stack.simulatorUrl}/sim/commands/${step.action}`, { caseId: t.caseId, ...step.body })
        : await call(
            'POST',
            `${stack.apiUrl}/v1/cases/${t.caseId}/${step.path ?? `actions/${step.action}`}`,
            typeof step.body === 'function' ? step.body(current) : (step.body ?? {}),
            // One key per step of the case: a conversion requires one, an action takes it.
            { ...(await bearer(stack, actors[step.by])), 'idempotency-key': `${t.caseId}:step-${index}` },
          );
    // A partner command answers 200 with the status our API gave the webhook.
    const status = step.by === 'partner' ? Number(res.body.status ?? res.status) : res.status;
    if (status >= 400) throw new Error(`${step.by} ${step.action} on ${t.caseId} answered ${status}: ${JSON.stringify(res.body)}`);
  }
}

/** Closed, and every step played: a case is followed after it closes while its survey has steps left. */
const finished = (t: Tracked) => t.status === 'closed' && t.acted.size === t.scenario.steps.length;

/** Prints what the case's timeline gained since the last look. */
async function printNewEvents(stack: Stack, t: Tracked, progress: (m: string) => void): Promise<void> {
  const timeline = await call('GET', `${stack.apiUrl}/v1/cases/${t.caseId}/timeline`, undefined, await bearer(stack, agent));
  const events = (timeline.body.events ?? []) as { type: string; at: string; actor: { kind: string }; data: Record<string, unknown> }[];
  for (const e of events.slice(t.seen)) {
    if (e.type === 'escalation.started' && typeof e.data.escalationId === 'string') t.escalationIds.add(e.data.escalationId);
    const data = Object.entries(e.data)
      .filter(([, v]) => typeof v !== 'object')
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
    progress(`${t.caseId.slice(0, 14)}  ${e.type.padEnd(24)} ${e.actor.kind.padEnd(9)} ${data}`);
  }
  t.seen = events.length;
}

async function follow(stack: Stack, tracked: Tracked[], progress: (m: string) => void, deadline: number): Promise<void> {
  while (Date.now() < deadline && tracked.some((t) => !finished(t))) {
    for (const t of tracked.filter((x) => !finished(x))) {
      await printNewEvents(stack, t, progress);
      const current = await call('GET', `${stack.apiUrl}/v1/cases/${t.caseId}`, undefined, await bearer(stack, agent));
      t.status = current.body.status;
      t.outcome = current.body.outcome;
      await act(stack, t, current.body as DemoCase);
    }
    await sleep(500);
  }
  // What the last steps set off (an answer taken, a follow-up recorded) lands a moment after them.
  await sleep(1_000);
  for (const t of tracked) await printNewEvents(stack, t, progress);
}

/** One line per case, and whether every case closed with the outcome its scenario expects. */
export function report(tracked: Tracked[], progress: (m: string) => void): number {
  progress('summary');
  let failures = 0;
  for (const t of tracked) {
    const ok = finished(t) && t.outcome === t.scenario.expectedOutcome;
    if (!ok) failures += 1;
    const unplayed = t.scenario.steps.length - t.acted.size;
    const state =
      t.status !== 'closed' ? `STUCK at ${t.status}` : `closed as ${t.outcome}${unplayed > 0 ? `, ${unplayed} step(s) never came (${t.scenario.steps[t.acted.size]!.action})` : ''}`;
    progress(`  ${ok ? 'ok  ' : 'FAIL'} ${t.caseId}  ${t.scenario.title}: ${state} (expected ${t.scenario.expectedOutcome})`);
  }
  progress(failures === 0 ? `all ${tracked.length} cases closed as expected` : `${failures} case(s) did not close as expected`);
  return failures === 0 ? 0 : 1;
}
