import type { LoadSample } from '../load/boundedRun';
import type { Sides } from './alternate';
import type { Bench } from './benchStack';
import { CpuTally, type StackCpu } from './cpu';
import type { OpenPoint } from './openPoint';
import { barePass, SCANS, scanPass, scanTargets, startBareSteps } from './probes';
import type { Figure } from './report';
import { mergeSamples, sideBySide } from './stats';

/**
 * Signed carrier webhooks (signature, case lookup, Update with validator, the step recorded in the
 * projection, the answer) on cases waiting at label_issued, against as many bare executeUpdate
 * calls answered by their handler at once, pass for pass alternating: both scans of every case,
 * and the baseline measured in the same minutes.
 */
export type StepSides = Sides & { cpuMsPerStep: StackCpu & { total: number } };

export async function compareSteps(bench: Bench, caseIds: string[], concurrency: number, label: string): Promise<StepSides> {
  bench.progress(`${label}: ${SCANS.length} scans of ${caseIds.length} cases and as many bare updates, ${concurrency} at a time`);
  const targets = await scanTargets(bench, caseIds, concurrency);
  const handles = await startBareSteps(bench, caseIds.length, concurrency, label);
  const ours: LoadSample[] = [];
  const bare: LoadSample[] = [];
  const cpu = new CpuTally(bench.workerPid);
  for (const type of SCANS) {
    bare.push(await barePass(handles, concurrency));
    ours.push(await cpu.measure(targets.length, () => scanPass(bench, targets, type, concurrency)));
  }
  return { ours: mergeSamples(ours), bare: mergeSamples(bare), cpuMsPerStep: cpu.perUnit() };
}

/** The partner-step figure: the comparison at the low point of open cases. */
export function partnerStepFigure(low: OpenPoint, concurrency: number): Figure {
  return { figure: 'partnerStep', openCases: low.openCases, concurrency, ...sideBySide(low.steps), cpuMsPerStep: low.steps.cpuMsPerStep };
}
