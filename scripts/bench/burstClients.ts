import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { runMain } from '../load/runMain';

/**
 * The inquiry burst's clients, in a process of their own (scripts/bench/inquiryBurst.ts starts
 * it): 10,000 clients in the API's own event loop would have measured the clients as much as the
 * API. Reads the plan as JSON on stdin, writes the outcome of each request and its own CPU time as
 * JSON on stdout. Only its types are imported elsewhere: importing it runs it.
 */

export interface BurstPlan {
  url: string;
  headers: Record<string, string>;
  /** Epoch ms of the first arrival; request i arrives at startAt + arrivalMs[i]. */
  startAt: number;
  /** Clients stop retrying after this epoch ms. */
  giveUpAt: number;
  requests: { key: string; body: string; arrivalMs: number }[];
}

export interface ClientOutcome {
  firstStatus: number;
  finalStatus: number;
  attempts: number;
}

export interface BurstOutcome {
  outcomes: ClientOutcome[];
  /** This process's user and system time, in ms. */
  cpuMs: number;
}

function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; retryAfterS: number }> {
  return new Promise((resolve) => {
    // agent: false: a connection of its own, as a separate client would open.
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfterS: Number(res.headers['retry-after'] ?? 1) }));
    });
    req.on('error', () => resolve({ status: 0, retryAfterS: 1 }));
    req.end(body);
  });
}

/** Answers a client comes back after: shed (429), unavailable (503), timed out waiting (408), or no answer at all. */
const RETRIED = new Set([0, 408, 429, 503]);

/** One client: arrives, and comes back after each answer worth retrying until it is taken or gives up. */
async function client(plan: BurstPlan, body: string, key: string): Promise<ClientOutcome> {
  let attempts = 0;
  let first = 0;
  for (;;) {
    const { status, retryAfterS } = await post(plan.url, body, { ...plan.headers, 'idempotency-key': key });
    attempts++;
    first ||= status;
    if (!RETRIED.has(status) || Date.now() > plan.giveUpAt) return { firstStatus: first, finalStatus: status, attempts };
    await sleep(retryAfterS * 1000);
  }
}

async function runBurst(plan: BurstPlan): Promise<BurstOutcome> {
  const outcomes = await Promise.all(
    plan.requests.map(async ({ key, body, arrivalMs }) => {
      await sleep(plan.startAt + arrivalMs - Date.now());
      return client(plan, body, key);
    }),
  );
  const { user, system } = process.cpuUsage();
  return { outcomes, cpuMs: Math.round((user + system) / 1000) };
}

async function main(): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const plan = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BurstPlan;
  const outcome = JSON.stringify(await runBurst(plan));
  // Written out before exiting: a pipe takes a large write in parts, and exiting drops the rest.
  await new Promise<void>((resolve, reject) => process.stdout.write(outcome, (err) => (err ? reject(err) : resolve())));
  return 0;
}

runMain(main);
