import { caseStartPolicies } from '../../config/policies/caseStartPolicy';
import { seconds } from '../../config/policies/duration';
import { caseStartsWorkflowType, type SettleCaseStartsInput, type SettleCaseStartsResult } from '../../workflows/caseStarts/input';
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
const CATCH_WINDOW_MS = 5_000;
/**
 * The reconciler's grace in the drill: once every client is done no start is under way, so a few
 * seconds do, where production waits a minute for starts that may still be running.
 */
const DRILL_GRACE_MS = seconds(2);
const DESCRIBE_CONCURRENCY = 16;

/** Cases of the cohort written whose workflow start is not confirmed yet. */
async function unconfirmedStarts(drill: Drill, customers: string): Promise<number> {
  const { rows } = await drill.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM pending_case_starts p JOIN cases c ON c.id = p.case_id WHERE c.customer_id LIKE $1',
    [customers],
  );
  return Number(rows[0]!.n);
}

/**
 * SIGKILL in the moment the reconciler exists for: as soon as a case of the cohort is written and
 * its start not yet confirmed (or after the catch window regardless). Answers how many were.
 */
async function killWhileStarting(drill: Drill, api: ServiceProcess, customers: string): Promise<number> {
  const until = Date.now() + CATCH_WINDOW_MS;
  let unconfirmed = await unconfirmedStarts(drill, customers);
  while (unconfirmed === 0 && Date.now() < until) unconfirmed = await unconfirmedStarts(drill, customers);
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

/** The reconciler's run, as its schedule starts it, with the drill's grace. */
function reconcile(drill: Drill): Promise<SettleCaseStartsResult> {
  const taskQueue = drill.config.TEMPORAL_TASK_QUEUE;
  const input: SettleCaseStartsInput = { policy: { ...caseStartPolicies.standard, graceMs: DRILL_GRACE_MS } };
  return drill.stack.client.workflow.execute(caseStartsWorkflowType, { taskQueue, workflowId: `${taskQueue}.case-starts.drill`, args: [input] });
}

/**
 * `kill -9` of an API while intakes are in flight (issue 16): `cases` returns with their own
 * Idempotency-Keys go through an API process of their own, `concurrency` at a time; once half are
 * answered the API is killed while a case is written and its workflow start not confirmed, and
 * started again where it was. Every other client whose answer the kill took retries with the same
 * key; the rest give up, as customers who close the page, so only the reconciler can start what
 * their API left behind. Then the reconciler runs, and the drill counts: every accepted request
 * has exactly one case, and every case of the cohort a workflow.
 */
export async function apiKilledDuringIntake(drill: Drill, flags: DrillFlags): Promise<{ ok: boolean } & Record<string, unknown>> {
  const { cases: count, concurrency } = flags;
  const killAfter = Math.ceil(count / 2);
  const customers = `load-${drill.runId}-${NAME}-%`;
  const port = await freePort();
  const api = apiProcessFor(drill.config, drill.stack, { port, dataDir: drill.dataDir, progress: drill.progress });
  drill.progress(`${NAME}: ${count} intakes through an API process, ${concurrency} at a time; kill -9 of it once ${killAfter} are answered`);
  const startedAt = Date.now();
  await api.start();
  try {
    const service = new ServiceClient(`http://127.0.0.1:${port}`, drill.stack.simulatorUrl!, drill.stack.webhookSecret, drill.stack.tokens);
    let killed: Promise<number> | undefined;
    const answers = await runBounded(
      count,
      concurrency,
      async (index) => {
        const { body, order } = returnRequest(drill.runId, `${NAME}-${index}`);
        await drill.service.addOrder(order);
        const patient = index % 2 === 0;
        return { patient, answer: await submit(service, body, `${NAME}-${index}`, patient) };
      },
      (done) => {
        if (done !== killAfter) return;
        killed = (async () => {
          const unconfirmed = await killWhileStarting(drill, api, customers);
          drill.progress(`kill -9 of the API with ${unconfirmed} case(s) written and their start not confirmed; starting it again`);
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
  }
}
