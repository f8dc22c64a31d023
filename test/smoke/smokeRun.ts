import { runScript, type ScriptRun } from '../integration/db/runScript';

/**
 * Generous: each run starts a stack of its own and bundles workflows, on 2 cores shared with the
 * other suites (and, on a developer's machine, with whatever else runs); about a minute when idle.
 */
export const SMOKE_TIMEOUT_MS = 300_000;

/**
 * Runs the bench or the drill as `npm run` would, each with a stack of its own: the servers and
 * bundle jest provides to the other tests are left out of its environment.
 */
export function runOwnStack(script: string, args: string[]): Promise<ScriptRun> {
  const { TEMPORAL_ADDRESS, DATABASE_URL, WORKFLOW_BUNDLE_PATH, API_WORKFLOW_BUNDLE_PATH, ...env } = process.env;
  return runScript(script, args, env);
}

/** stdout is one JSON object per line; a failed run shows its progress and logs instead. */
export function jsonLines(run: ScriptRun): Record<string, any>[] {
  if (run.code !== 0) throw new Error(`exited with ${run.code}:\n${run.stdout}\n${run.stderr.slice(-4000)}`);
  return run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, any>);
}
