import type { LoadSample } from '../load/boundedRun';
import type { Bench } from './benchStack';
import type { BenchFlags } from './flags';
import { barePass, SCANS, scanPass, scanTargets, startBareSteps } from './probes';
import type { Figure } from './report';
import { mergeSamples, sideBySide } from './stats';

/**
 * A signed carrier webhook (signature, case lookup, Update with validator, the step recorded in
 * the projection, the answer) against a bare executeUpdate answered by its handler at once, pass
 * for pass alternating, on the cases open at the low point. Resolves with the figure and our
 * sample, which is also the scale figure's low point.
 */
export async function partnerStepFigure(bench: Bench, flags: BenchFlags, openCases: number, caseIds: string[]) {
  const concurrency = flags['step-concurrency'];
  bench.progress(`partner step: ${SCANS.length} scans of ${caseIds.length} cases and as many bare updates, ${concurrency} at a time`);
  const targets = await scanTargets(bench, caseIds, concurrency);
  const handles = await startBareSteps(bench, caseIds.length, concurrency);
  const ours: LoadSample[] = [];
  const bare: LoadSample[] = [];
  for (const type of SCANS) {
    bare.push(await barePass(handles, concurrency));
    ours.push(await scanPass(bench, targets, type, concurrency));
  }
  const sides = { ours: mergeSamples(ours), bare: mergeSamples(bare) };
  const figure: Figure = { figure: 'partnerStep', openCases, concurrency, ...sideBySide(sides) };
  return { figure, ours: sides.ours };
}
