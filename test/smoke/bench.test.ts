import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kpiGroupings } from '../../db/kpiFacts';
import { jsonLines, runOwnStack, SMOKE_TIMEOUT_MS } from './smokeRun';

/** The reports a supervisor asks for: all cases, one per grouping, the per-agent figures. */
const REPORTS = kpiGroupings.length + 2;

/** Tiny sizes: this proves the bench runs end to end and reports every figure, not how fast we are. */
const TINY = [
  ...['--quick', '--intake-n', '8', '--e2e-n', '4', '--low-open', '5', '--open-cases', '30', '--rounds', '1'],
  ...['--kpi-cases', '200', '--kpi-events', '2000', '--kpi-requests', String(REPORTS)],
  ...['--burst', '12', '--burst-window-s', '2'],
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aso-bench-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** CPU ms per unit of work by process; the bench owns its Temporal and PostgreSQL here, so every one is read. */
const cpuByProcess = {
  worker: expect.any(Number),
  benchProcess: expect.any(Number),
  temporalServer: expect.any(Number),
  postgres: expect.any(Number),
  total: expect.any(Number),
};

const sideBySide = {
  ours: expect.objectContaining({ n: expect.any(Number), p50Ms: expect.any(Number), p99Ms: expect.any(Number) }),
  bare: expect.objectContaining({ n: expect.any(Number), p50Ms: expect.any(Number), p99Ms: expect.any(Number) }),
  ratio: { p50: expect.any(Number), p99: expect.any(Number), throughput: expect.any(Number) },
};

test('npm run bench reports each figure against its bare-Temporal baseline, on stdout and in the results file', async () => {
  const out = path.join(dir, 'results.json');
  const figures = jsonLines(await runOwnStack('scripts/bench/main.ts', [...TINY, '--out', out]));

  expect(figures).toEqual([
    expect.objectContaining({ figure: 'partnerStep', openCases: 5, ...sideBySide, cpuMsPerStep: cpuByProcess }),
    expect.objectContaining({ figure: 'endToEnd', activities: expect.any(Number), ...sideBySide }),
    expect.objectContaining({ figure: 'intake', n: 8, ...sideBySide, cpuMsPerCase: cpuByProcess }),
    expect.objectContaining({
      figure: 'scale',
      low: expect.objectContaining({ openCases: 5, ...sideBySide }),
      high: expect.objectContaining({ openCases: expect.any(Number), ...sideBySide }),
      ratio: expect.objectContaining({ webhookP99: expect.any(Number), webhookP99AgainstBare: expect.any(Number) }),
      perOpenCase: { temporalServerKiB: expect.any(Number), databaseKiB: expect.any(Number), workerKiB: expect.any(Number) },
    }),
    expect.objectContaining({
      figure: 'kpiReport',
      cases: 200,
      events: 2000,
      ours: expect.objectContaining({ n: REPORTS, p95Ms: expect.any(Number) }),
      bare: expect.objectContaining({ n: REPORTS, p95Ms: expect.any(Number) }),
      ratio: { p50: expect.any(Number), p95: expect.any(Number) },
    }),
    expect.objectContaining({
      figure: 'inquiryBurst',
      n: 12,
      // A dozen inquiries in two seconds: every one taken, answered first within the 30 s target.
      casesExisting: 12,
      serverErrors: 0,
      unanswered: 0,
      withinTarget: { n: 12, share: 1 },
      firstResponse: expect.objectContaining({ n: 12, p99Ms: expect.any(Number) }),
      bareStart: expect.objectContaining({ n: 12 }),
      // The clients ran in a process of their own, counted apart from the API's.
      cpuMsPerInquiry: { ...cpuByProcess, loadClients: expect.any(Number) },
      bareCpuMsPerStart: cpuByProcess,
      ratio: { p50: expect.any(Number), p99: expect.any(Number) },
    }),
  ]);
  // Each report a supervisor asks for (all cases, each grouping, per agent) was asked once, and answered.
  expect(Object.values(figures[4]!.p95MsByReport)).toEqual(Array(REPORTS).fill(expect.any(Number)));
  expect(figures[3]!.high.openCases).toBeGreaterThanOrEqual(30);
  // The worker runs as a process of its own by default, as deployed.
  expect(figures[3]!.high.memory.workerMiB).toBeGreaterThan(0);
  expect(figures[3]!.high.memory.benchProcessMiB).toBeGreaterThan(0);
  expect(figures[3]!.high.memory.temporalServerMiB).toBeGreaterThan(0);
  expect(figures[3]!.high.memory.databaseMiB).toBeGreaterThan(0);
  // Work shows up where it is done: an inquiry's first response runs in the worker and the server.
  expect(figures[5]!.cpuMsPerInquiry.worker).toBeGreaterThan(0);
  expect(figures[5]!.cpuMsPerInquiry.temporalServer).toBeGreaterThan(0);
  const results = JSON.parse(await readFile(out, 'utf8'));
  expect(results.figures).toEqual(figures);
  expect(results.machine.atStart).toEqual(expect.objectContaining({ cores: expect.any(Number), loadAverage1m: expect.any(Number) }));
}, SMOKE_TIMEOUT_MS);
