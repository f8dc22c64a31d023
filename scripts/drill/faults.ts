import { setTimeout as sleep } from 'node:timers/promises';
import type { Drill } from './drillStack';
import type { DrillFlags } from './flags';

/** A fault and its repair, run while a cohort is half submitted; null when this setup cannot stage it. */
export type Fault = { run: () => Promise<void> } | { skipped: string };

export function workerKill(drill: Drill, flags: DrillFlags): Fault {
  return {
    async run() {
      drill.progress('kill -9 the worker');
      await drill.worker.kill();
      await sleep(flags['worker-down-s'] * 1000);
      drill.progress('starting the worker again');
      await drill.worker.start();
      drill.progress('the worker polls again');
    },
  };
}

export function temporalRestart(drill: Drill): Fault {
  const restart = drill.restartTemporal;
  if (!restart) return { skipped: 'Temporal is external (TEMPORAL_ADDRESS): the drill does not restart a cluster it does not own' };
  return {
    async run() {
      drill.progress('restarting the Temporal dev server (history persisted to its database file)');
      await restart();
    },
  };
}

export function postgresOutage(drill: Drill, flags: DrillFlags): Fault {
  const postgres = drill.postgres;
  if (!postgres) return { skipped: 'PostgreSQL is external (DATABASE_URL): the drill does not stop a server it does not own' };
  return {
    async run() {
      const seconds = flags['postgres-outage-s'];
      drill.progress(`stopping PostgreSQL for ${seconds}s`);
      await postgres.stop();
      await sleep(seconds * 1000);
      await postgres.start();
      drill.progress('PostgreSQL is back');
    },
  };
}

/**
 * The payment provider down: every refund and charge answered 503 for `payments-down-s`, however
 * many retries come, then healthy again. The activities' retry policy (config/policies/activityOptions.ts,
 * partner) must carry each refund across, with its Idempotency-Key, so none is paid twice.
 */
export function paymentsDown(drill: Drill, flags: DrillFlags): Fault {
  return {
    async run() {
      const seconds = flags['payments-down-s'];
      drill.progress(`payments answers 503 to every refund and charge for ${seconds}s`);
      for (const operation of ['payments.refund', 'payments.charge'] as const) await drill.service.simFault({ operation, forMs: seconds * 1000 });
      await sleep(seconds * 1000);
      drill.progress('payments answers again');
    },
  };
}
