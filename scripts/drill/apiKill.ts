import type { ScheduleHandle } from '@temporalio/client';
import { caseStartPolicies } from '../../config/policies/caseStartPolicy';
import { seconds } from '../../config/policies/duration';
import { scheduleIdOf } from '../../worker/schedules';
import { caseStartsWorkflowType, type SettleCaseStartsInput, type SettleCaseStartsResult } from '../../workflows/caseStarts/input';
import { caseStartsScheduleName } from '../../workflows/caseStarts/schedule';
import { runBounded } from '../load/boundedRun';
import { returnRequest } from '../load/caseRequests';
import type { ServiceProcess } from '../load/serviceProcess';
import { ServiceClient } from '../load/serviceClient';
import { freePort } from '../net';
import { apiProcessFor } from './apiProcess';
import { submit, unanswered } from './cohort';
import type { Drill } from './drillStack';
import type { DrillFlags } from './flags';

const NAME = 'api-killed-during-intake';
/** Once half the cohort is answered, how long the drill waits for the moment it kills in. */
const CATCH_WINDOW_MS = 20_000;
/**
 * The reconciler's grace in the drill: once every client is done no start is under way, so a few
 * seconds do, where production waits a minute for starts that may still be running.
 */
const DRILL_GRACE_MS = seconds(2);
const DESCRIBE_CONCURRENCY = 16;

interface Unconfirmed {
  /** Cases of the cohort written whose workflow start is not confirmed yet. */
  all: number;
  /** Of those, the ones whose client gives up when its answer is lost. */
  givenUp: number;
}

async function unconfirmedStarts(drill: Drill, customers: string, givingUp: string[]): Promise<Unconfirmed> {
  const { rows } = await drill.pool.query<{ all: string; given_up: string }>(
    `SELECT count(*) AS all, count(*) FILTER (WHERE c.customer_id = ANY($2)) AS given_up
       FROM pending_case_starts p JOIN cases c ON c.id = p.case_id WHERE c.customer_id LIKE $1`,
    [customers, givingUp],
  );
  return { all: Number(rows[0]!.all), givenUp: Number(rows[0]!.given_up) };
}

/**
 * SIGKILL in the moment the reconciler exists for: once `atLeast` cases are written whose start
 * is not yet confirmed and whose clients will not retry (or after the catch window regardless).
 * Answers how many there were.
 */
async function killWhileStarting(drill: Drill, api: ServiceProcess, customers: string, givingUp: string[], atLeast: number): Promise<Unconfirmed> {
  const until = Date.now() + CATCH_WINDOW_MS;
  let unconfirmed = await unconfirmedStarts(drill, customers, givingUp);
  while (unconfirmed.givenUp < atLeast && Date.now() < until) unconfirmed = await unconfirmedStarts(drill, customers, givingUp);
  await api.kill();
  return unconfirmed;
}

async function cohortCases(drill: Drill, customers: string): Promise<{ id: string; customer_id: string }[]> {
  const { rows } = await drill.pool.query<{ id: string; customer_id: string }>('SELECT id, customer_id FROM cases WHERE customer_id LIKE $1', [customers]);
  return rows;
}

/** Of these cases, those Temporal knows no workflow of. */
async function withoutWorkflow(drill: Drill, ids: string[]): Promise<string[]> {
  const exists = await runBounded(ids.length, DESCRIBE_CONCURRENCY, (i) =>
    drill.stack.client.workflow
      .getHandle(ids[i]!)
      .describe()
      .then(
        () => true,
        () => false,
      ),
  );
  return ids.filter((_, i) => !exists[i]);
}

/**
 * The schedule the worker keeps: paused while the drill runs, so the run it starts itself, at a
 * moment it knows, is the one that finds what the kill left (its counts are the drill's).
 */
function reconcilerSchedule(drill: Drill): ScheduleHandle {
  return drill.stack.client.schedule.getHandle(scheduleIdOf(drill.config.TEMPORAL_TASK_QUEUE, caseStartsScheduleName));
}

/** The reconciler's run, as its schedule starts it, with the drill's grace. */
function reconcile(drill: Drill): Promise<SettleCaseStartsResult> {
  const taskQueue = drill.config.TEMPORAL_TASK_QUEUE;
  const input: SettleCaseStartsInput = { policy: { ...caseStartPolicies.standard, graceMs: DRILL_GRACE_MS } };
  return drill.stack.client.workflow.execute(caseStartsWorkflowType, { taskQueue, workflowId: `${taskQueue}.case-starts.drill`, args: [input] });
}

/**
 * `kill -9` of an API while intakes are in flight (issue 16): `cases` returns with their own
 * Idempotency-Keys go through an API process of their own, `concurrency` at a time. Every other
 * client whose answer is lost retries with the same key; the rest give up, as customers who close
 * the page, so only the reconciler can start what their API left behind. Once half are answered
 * the API is killed while cases are written with their start not confirmed, some of them of
 * clients that give up, and started again where it was. Then the reconciler runs, and the drill
 * counts: every accepted request has exactly one case, and every case of the cohort a workflow.
 */
export async function apiKilledDuringIntake(drill: Drill, flags: DrillFlags): Promise<{ ok: boolean } & Record<string, unknown>> {
  const { cases: count, concurrency } = flags;
  const killAfter = Math.ceil(count / 2);
  const customers = `load-${drill.runId}-${NAME}-%`;
  const port = await freePort();
  const api = apiProcessFor(drill.config, drill.stack, { port, dataDir: drill.dataDir, progress: drill.progress });
  drill.progress(`${NAME}: ${count} intakes through an API process, ${concurrency} at a time; kill -9 of it once ${killAfter} are answered`);
  const startedAt = Date.now();
  const schedule = reconcilerSchedule(drill);
  await schedule.pause(`${NAME} drill: it runs the reconciler itself`);
  await api.start();
  try {
    const service = new ServiceClient(`http://127.0.0.1:${port}`, drill.stack.simulatorUrl!, drill.stack.webhookSecret, drill.stack.tokens);
    const requests = Array.from({ length: count }, (_, index) => returnRequest(drill.runId, `${NAME}-${index}`));
    const patient = (index: number) => index % 2 === 0;
    const givingUp = requests.filter((_, index) => !patient(index)).map((r) => r.body.customer.id);
    let killed: Promise<Unconfirmed> | undefined;
    const answers = await runBounded(
      count,
      concurrency,
      async (index) => {
        const { body, order } = requests[index]!;
        await drill.service.addOrder(order);
        return { patient: patient(index), answer: await submit(service, body, `${NAME}-${index}`, patient(index)) };
      },
      (done) => {
        if (done !== killAfter) return;
        killed = (async () => {
          const unconfirmed = await killWhileStarting(drill, api, customers, givingUp, Math.ceil(concurrency / 8));
          drill.progress(
            `kill -9 of the API with ${unconfirmed.all} case(s) written and their start not confirmed (${unconfirmed.givenUp} of clients that give up); starting it again`,
          );
          await api.start();
          drill.progress('the API answers again');
          return unconfirmed;
        })();
        // Awaited once the clients are done; until then a failure must not count as unhandled.
        killed.catch(() => undefined);
      },
    );
    const unconfirmedAtKill = await killed;
    const accepted = new Set(answers.filter((a) => a.answer.status === 201).map((a) => String(a.answer.body.id)));
    const abandoned = answers.filter((a) => !a.patient && unanswered(a.answer)).length;
    // A patient client left without an answer after minutes of retrying: the API never came back.
    const unansweredAfterRetries = answers.filter((a) => a.patient && unanswered(a.answer)).length;
    const refused = answers.length - accepted.size - abandoned - unansweredAfterRetries;

    const before = await cohortCases(drill, customers);
    const orphans = await withoutWorkflow(drill, before.map((c) => c.id));
    drill.progress(`${orphans.length} case(s) of ${before.length} without a workflow; running the reconciler`);
    const reconciled = await reconcile(drill);

    const after = await cohortCases(drill, customers);
    const stillWithout = await withoutWorkflow(drill, after.map((c) => c.id));
    const perCustomer = new Map<string, number>();
    for (const c of after) perCustomer.set(c.customer_id, (perCustomer.get(c.customer_id) ?? 0) + 1);
    const duplicates = [...perCustomer.values()].filter((n) => n > 1).length;
    const caseIds = new Set(after.map((c) => c.id));
    const lost = [...accepted].filter((id) => !caseIds.has(id)).length;
    const { started, present, withdrawn, failed } = reconciled;
    // Intake never keeps a start that cannot be used: a withdrawal here would be the reconciler's fault.
    const settled = failed === 0 && withdrawn === 0;
    const ok = refused === 0 && unansweredAfterRetries === 0 && lost === 0 && duplicates === 0 && stillWithout.length === 0 && settled;
    return {
      ok,
      requests: count,
      accepted: accepted.size,
      abandoned,
      unansweredAfterRetries,
      refused,
      unconfirmedAtKill,
      cases: after.length,
      casesWithoutWorkflowBeforeReconciler: orphans.length,
      reconciler: { started, present, withdrawn, failed },
      casesWithoutWorkflow: stillWithout.length,
      duplicates,
      lost,
      seconds: Math.round((Date.now() - startedAt) / 1000),
    };
  } finally {
    await api.stop();
    await schedule.unpause();
  }
}
