import { FlagError, type Flags, parseFlags } from '../load/flags';

const DRILLS = [
  'duplicates',
  'worker-kill',
  'temporal-restart',
  'postgres-outage',
  'api-killed-during-intake',
  'payments-down',
  'webhook-redelivery',
  'process-change',
  'version-change',
] as const;
export type DrillName = (typeof DRILLS)[number];

const spec = {
  cases: {
    default: 500,
    quick: 50,
    help: 'refunds per drill: the worker is killed and a new release deployed once all are submitted (which then takes a fifth as many more; a new build ramps and becomes current under a fifth more each), the other faults come once half are (the API once half are answered)',
  },
  concurrency: { default: 16, quick: 8, help: 'submissions in flight at once' },
  duplicates: { default: 50, help: 'concurrent submissions with one Idempotency-Key' },
  'postgres-outage-s': { default: 30, quick: 10, help: 'how long PostgreSQL stays down' },
  'payments-down-s': { default: 120, quick: 20, help: 'how long the payment provider answers 503 to every call' },
  redeliveries: { default: 1000, quick: 200, help: 'deliveries of one partner webhook event' },
  'redelivery-concurrency': { default: 32, quick: 16, help: 'deliveries of that event in flight at once' },
  'worker-down-s': { default: 5, quick: 2, help: 'how long the killed worker stays down' },
  'ramp-percent': { default: 25, help: 'version-change: the share of new cases the new build takes while it ramps, 1-100' },
  'deadline-s': { default: 600, quick: 180, help: 'how long a drill waits for its cases to complete' },
  only: { default: DRILLS.join(','), help: 'the drills to run, comma-separated' },
};

export type DrillFlags = Flags<typeof spec>;

export function parseDrillFlags(argv: string[]): DrillFlags & { drills: DrillName[] } {
  const flags = parseFlags(argv, spec);
  const drills = flags.only.split(',').map((name) => name.trim());
  const unknown = drills.filter((name) => !(DRILLS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new FlagError(`unknown drill ${unknown.join(', ')}; the drills are ${DRILLS.join(', ')}`);
  const percent = flags['ramp-percent'];
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw new FlagError(`--ramp-percent must be a whole number from 1 to 100, got ${percent}`);
  return { ...flags, drills: drills as DrillName[] };
}
