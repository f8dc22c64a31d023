import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mintToken, type Principal } from '../api/auth/tokens';
import { ConfigError, loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { installRuntimeLogger } from '../worker/runtimeLogger';
import { type DemoCase, type DemoScenario, type DemoStep, demoCatalog, demoScenarios } from './demo/scenarios';
import { freePort } from './net';
import { progressPrinter } from './progress';
import { startStack, type Stack } from './stack';

const DEMO_DEADLINE_MS = 4 * 60_000;

interface Tracked {
  scenario: DemoScenario;
  caseId: string;
  customer: Principal;
  seen: number;
  status: string;
  outcome: string | null;
  acted: Set<number>;
}

/**
 * `npm run demo`: a private stack (in-memory Temporal, a throwaway PostgreSQL, the simulator on
 * autopilot), a handful of cases from different channels, and their timelines as they move.
 */
async function main(): Promise<number> {
  const progress = progressPrinter('demo');
  // Under the project's data folder: as root, PostgreSQL runs as the postgres user, which cannot
  // enter a private (0700) temp directory.
  const dataDir = path.resolve('data', `demo-${process.pid}`);
  const config = loadConfig({
    ...process.env,
    POLICY_PROFILE: 'demo',
    API_PORT: '0',
    DATA_DIR: dataDir,
    TEMPORAL_DEV_PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: `demo-${Date.now()}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'demo' });
  installRuntimeLogger(logger, []);
  const stack = await startStack({
    config,
    logger,
    onProgress: progress,
    ephemeralTemporal: true,
    simulator: { autopilot: true, delays: { pickupMs: 1_500, deliveryMs: 1_500, inspectionMs: 1_500 } },
  });
  try {
    progress(`stack ready: API ${stack.apiUrl}, simulator ${stack.simulatorUrl}`);
    for (const entry of demoCatalog) await call('POST', `${stack.simulatorUrl}/sim/catalog`, entry);
    const tracked = await submitAll(stack, demoScenarios(), progress);
    return await follow(stack, tracked, progress);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function call(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** The agent who opens (on the customer's behalf, from any channel), reviews and follows the cases. */
const agent: Principal = { sub: 'demo-agent', role: 'agent' };
/** Works the complaints and answers escalations, whoever they were routed to. */
const supervisor: Principal = { sub: 'demo-supervisor', role: 'supervisor' };

async function bearer(stack: Stack, principal: Principal): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintToken(principal, stack.tokens)}` };
}

async function submitAll(stack: Stack, scenarios: DemoScenario[], progress: (m: string) => void): Promise<Tracked[]> {
  const tracked: Tracked[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    const res = await call('POST', `${stack.apiUrl}/v1/cases`, scenario.request, {
      'idempotency-key': `demo-${index}-${Date.now()}`,
      ...(await bearer(stack, agent)),
    });
    if (res.status !== 201) throw new Error(`creating "${scenario.title}" answered ${res.status}: ${JSON.stringify(res.body)}`);
    progress(`submitted ${res.body.id}  ${scenario.title}`);
    const customer: Principal = { sub: res.body.customerId, role: 'customer' };
    tracked.push({ scenario, caseId: res.body.id, customer, seen: 0, status: 'requested', outcome: null, acted: new Set() });
  }
  return tracked;
}

/** Plays the people a scenario needs, each step once, when the case first matches it. */
async function act(stack: Stack, t: Tracked, current: DemoCase): Promise<void> {
  const actors: Record<DemoStep['by'], Principal> = { customer: t.customer, agent, supervisor };
  for (const [index, step] of t.scenario.steps.entries()) {
    if (t.acted.has(index) || !step.when(current)) continue;
    t.acted.add(index);
    if (step.script) await call('POST', `${stack.simulatorUrl}/sim/scripts`, { caseId: t.caseId, ...step.script });
    const url = `${stack.apiUrl}/v1/cases/${t.caseId}/actions/${step.action}`;
    const res = await call('POST', url, step.body ?? {}, await bearer(stack, actors[step.by]));
    if (res.status >= 400) throw new Error(`${step.by} ${step.action} on ${t.caseId} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
}

async function follow(stack: Stack, tracked: Tracked[], progress: (m: string) => void): Promise<number> {
  const deadline = Date.now() + DEMO_DEADLINE_MS;
  while (Date.now() < deadline && tracked.some((t) => t.status !== 'closed')) {
    for (const t of tracked.filter((x) => x.status !== 'closed')) {
      const timeline = await call('GET', `${stack.apiUrl}/v1/cases/${t.caseId}/timeline`, undefined, await bearer(stack, agent));
      const events = (timeline.body.events ?? []) as { type: string; at: string; actor: { kind: string }; data: Record<string, unknown> }[];
      for (const e of events.slice(t.seen)) {
        const data = Object.entries(e.data)
          .filter(([, v]) => typeof v !== 'object')
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ');
        progress(`${t.caseId.slice(0, 14)}  ${e.type.padEnd(24)} ${e.actor.kind.padEnd(9)} ${data}`);
      }
      t.seen = events.length;
      const current = await call('GET', `${stack.apiUrl}/v1/cases/${t.caseId}`, undefined, await bearer(stack, agent));
      t.status = current.body.status;
      t.outcome = current.body.outcome;
      await act(stack, t, current.body as DemoCase);
    }
    await sleep(500);
  }
  return report(tracked, progress);
}

function report(tracked: Tracked[], progress: (m: string) => void): number {
  progress('summary');
  let failures = 0;
  for (const t of tracked) {
    const ok = t.status === 'closed' && t.outcome === t.scenario.expectedOutcome;
    if (!ok) failures += 1;
    const state = t.status === 'closed' ? `closed as ${t.outcome}` : `STUCK at ${t.status}`;
    progress(`  ${ok ? 'ok  ' : 'FAIL'} ${t.caseId}  ${t.scenario.title}: ${state} (expected ${t.scenario.expectedOutcome})`);
  }
  progress(failures === 0 ? `all ${tracked.length} cases closed as expected` : `${failures} case(s) did not close as expected`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
