import { FlagError, type Flags, parseFlags } from '../load/flags';

export const FIGURES = ['partnerStep', 'endToEnd', 'intake', 'scale', 'kpiReport', 'inquiryBurst'] as const;

const spec = {
  'intake-n': { default: 1000, quick: 150, help: 'cases opened for the intake figure (and bare starts)' },
  concurrency: { default: 16, quick: 8, help: 'requests in flight for intake and for opening open cases' },
  'e2e-n': { default: 100, quick: 20, help: 'refunds run end to end (and bare workflows)' },
  'e2e-concurrency': { default: 4, quick: 4, help: 'refunds in flight at once' },
  'low-open': { default: 100, quick: 50, help: 'open cases at the low point; also the webhook probes per point' },
  'open-cases': { default: 10_000, quick: 800, help: 'open cases waiting on partners at the high point' },
  'step-concurrency': { default: 4, quick: 4, help: 'webhooks (and bare updates) in flight at once' },
  'kpi-cases': { default: 100_000, quick: 20_000, help: 'closed cases the KPI report figure writes and reports on' },
  'kpi-events': { default: 1_000_000, quick: 200_000, help: 'timeline events among those cases' },
  'kpi-requests': { default: 140, quick: 35, help: 'KPI reports asked for (and plain counts), one at a time' },
  burst: { default: 10_000, quick: 300, help: 'inquiries in the burst, each from an HTTP client of its own (and bare starts)' },
  'burst-window-s': { default: 60, quick: 10, help: 'seconds within which the burst arrives, evenly' },
  rounds: { default: 4, quick: 2, help: 'alternating rounds of baseline and ours per figure' },
  out: { default: 'bench/results.json', help: 'where the results file goes' },
  only: { default: 'all', help: `the figures to run, comma-separated: ${['all', ...FIGURES].join(', ')}` },
  worker: { default: 'process', help: '"process": the worker in a process of its own, as deployed; "in-process": beside the API, as npm start runs it' },
};

export type BenchFlags = Flags<typeof spec>;


const WORKER_PLACES = ['process', 'in-process'];

/** Whether this run reports the figure (--only). */
export function runs(flags: BenchFlags, figure: (typeof FIGURES)[number]): boolean {
  return flags.only === 'all' || flags.only.split(',').includes(figure);
}

export function parseBenchFlags(argv: string[]): BenchFlags {
  const flags = parseFlags(argv, spec);
  const unknown = flags.only.split(',').filter((f) => f !== 'all' && !(FIGURES as readonly string[]).includes(f));
  if (unknown.length > 0) throw new FlagError(`--only takes ${['all', ...FIGURES].join(', ')}; not ${unknown.join(', ')}`);
  if (!WORKER_PLACES.includes(flags.worker)) throw new FlagError(`--worker must be one of ${WORKER_PLACES.join(', ')}, got "${flags.worker}"`);
  return flags;
}
