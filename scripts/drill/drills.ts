import { apiKilledDuringIntake } from './apiKill';
import { type Counts, countOutcome, openInCohort, submit, submitCohort } from './cohort';
import type { Drill } from './drillStack';
import { type Fault, paymentsDown, postgresOutage, temporalRestart, workerKill } from './faults';
import type { DrillFlags, DrillName } from './flags';
import { processChange } from './processChange';
import { versionChange } from './versionChange';
import { webhookRedelivery } from './webhookRedelivery';
import { returnRequest } from '../load/caseRequests';

export type DrillResult = { drill: DrillName; ok: boolean } & (Partial<Counts> & Record<string, unknown>);

/**
 * When the fault comes: once every case of the cohort is submitted, so all of them are in flight
 * (the worker kill), or once half are, so the other half is submitted through the fault and the
 * API's answers to it (a Temporal restart, a PostgreSQL outage) are part of the drill.
 */
type FaultTiming = 'all-submitted' | 'half-submitted';

/** A cohort of refunds with a fault in flight; every case must complete, none twice refunded. */
async function faultDrill(drill: Drill, flags: DrillFlags, name: DrillName, fault: Fault, timing: FaultTiming): Promise<DrillResult> {
  if ('skipped' in fault) return { drill: name, ok: true, skipped: fault.skipped };
  const faultAfter = timing === 'all-submitted' ? flags.cases : Math.ceil(flags.cases / 2);
  drill.progress(`${name}: ${flags.cases} refunds, ${flags.concurrency} submitted at a time; the fault comes once ${faultAfter} are in`);
  const startedAt = Date.now();
  let stagesAtFault: Record<string, number> = {};
  let stagesAtRepair: Record<string, number> = {};
  let repairedAt = Date.now();
  const ids = await submitCohort(drill, {
    name,
    count: flags.cases,
    concurrency: flags.concurrency,
    faultAfter,
    fault: async () => {
      stagesAtFault = await openInCohort(drill, name);
      await fault.run();
      repairedAt = Date.now();
      stagesAtRepair = await openInCohort(drill, name);
    },
  });
  const counts = await countOutcome(drill, ids, flags['deadline-s'] * 1000);
  const ok = counts.started === flags.cases && counts.lost === 0 && counts.duplicated === 0;
  const inFlightAtFault = Object.values(stagesAtFault).reduce((sum, n) => sum + n, 0);
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  // How long the cases the fault held took to catch up once it was repaired: retries' backoff shows here.
  const secondsAfterRepair = Math.round((Date.now() - repairedAt) / 1000);
  return { drill: name, ok, cases: flags.cases, inFlightAtFault, stagesAtFault, stagesAtRepair, ...counts, seconds, secondsAfterRepair };
}

/** The same request, key and body, many times at once: one case, one workflow, one refund. */
async function duplicateSubmissions(drill: Drill, flags: DrillFlags): Promise<DrillResult> {
  const n = flags.duplicates;
  drill.progress(`duplicates: ${n} concurrent submissions with one Idempotency-Key`);
  const { body, order } = returnRequest(drill.runId, 'duplicates');
  await drill.service.addOrder(order);
  const answers = await Promise.all(Array.from({ length: n }, () => submit(drill.service, body, `duplicates-${drill.runId}`)));
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
      return faultDrill(drill, flags, name, workerKill(drill, flags), 'all-submitted');
    case 'temporal-restart':
      return faultDrill(drill, flags, name, temporalRestart(drill), 'half-submitted');
    case 'postgres-outage':
      return faultDrill(drill, flags, name, postgresOutage(drill, flags), 'half-submitted');
    case 'payments-down':
      return faultDrill(drill, flags, name, paymentsDown(drill, flags), 'half-submitted');
    case 'webhook-redelivery':
      return webhookRedelivery(drill, flags).then((result) => ({ drill: name, ...result }));
    case 'process-change':
      return processChange(drill, flags).then((result) => ({ drill: name, ...result }));
    case 'version-change':
      return versionChange(drill, flags).then((result) => ({ drill: name, ...result }));
    case 'api-killed-during-intake':
      return apiKilledDuringIntake(drill, flags).then((result) => ({ drill: name, ...result }));
  }
}
