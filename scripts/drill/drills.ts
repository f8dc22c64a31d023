import { type Counts, countOutcome, submit, submitCohort } from './cohort';
import type { Drill } from './drillStack';
import { type Fault, postgresOutage, temporalRestart, workerKill } from './faults';
import type { DrillFlags, DrillName } from './flags';
import { returnRequest } from '../load/caseRequests';

export type DrillResult = { drill: DrillName; ok: boolean } & (Partial<Counts> & Record<string, unknown>);

/** Open cases of one cohort right now: how many the fault catches in flight. */
async function openInCohort(drill: Drill, name: string): Promise<number> {
  const { rows } = await drill.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM cases WHERE customer_id LIKE $1 AND closed_at IS NULL',
    [`load-${drill.runId}-${name}-%`],
  );
  return Number(rows[0]!.n);
}

/** A cohort of refunds with the fault in the middle; every case must complete, none twice refunded. */
async function faultDrill(drill: Drill, flags: DrillFlags, name: DrillName, fault: Fault): Promise<DrillResult> {
  if ('skipped' in fault) return { drill: name, ok: true, skipped: fault.skipped };
  drill.progress(`${name}: ${flags.cases} refunds, ${flags.concurrency} submitted at a time; the fault comes when half are in`);
  const startedAt = Date.now();
  let inFlightAtFault = 0;
  const ids = await submitCohort(drill, {
    name,
    count: flags.cases,
    concurrency: flags.concurrency,
    midway: async () => {
      inFlightAtFault = await openInCohort(drill, name);
      await fault.run();
    },
  });
  const counts = await countOutcome(drill, ids, flags['deadline-s'] * 1000);
  const ok = counts.started === flags.cases && counts.lost === 0 && counts.duplicated === 0;
  return { drill: name, ok, cases: flags.cases, inFlightAtFault, ...counts, seconds: Math.round((Date.now() - startedAt) / 1000) };
}

/** The same request, key and body, many times at once: one case, one workflow, one refund. */
async function duplicateSubmissions(drill: Drill, flags: DrillFlags): Promise<DrillResult> {
  const n = flags.duplicates;
  drill.progress(`duplicates: ${n} concurrent submissions with one Idempotency-Key`);
  const body = returnRequest(drill.runId, 'duplicates');
  const answers = await Promise.all(Array.from({ length: n }, () => submit(drill, body, `duplicates-${drill.runId}`)));
  const answered: Record<number, number> = {};
  for (const { status } of answers) answered[status] = (answered[status] ?? 0) + 1;
  const ids = [...new Set(answers.filter((a) => a.status === 201).map((a) => String(a.body.id)))];
  const counts = await countOutcome(drill, ids, flags['deadline-s'] * 1000);
  const ok = answered[201] === n && ids.length === 1 && counts.lost === 0 && counts.duplicated === 0;
  return { drill: 'duplicates', ok, submissions: n, answered, ...counts };
}

export function runDrill(drill: Drill, flags: DrillFlags, name: DrillName): Promise<DrillResult> {
  switch (name) {
    case 'duplicates':
      return duplicateSubmissions(drill, flags);
    case 'worker-kill':
      return faultDrill(drill, flags, name, workerKill(drill, flags));
    case 'temporal-restart':
      return faultDrill(drill, flags, name, temporalRestart(drill));
    case 'postgres-outage':
      return faultDrill(drill, flags, name, postgresOutage(drill, flags));
  }
}
