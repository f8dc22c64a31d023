import { spawn } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { runMain } from '../load/runMain';
import { progressPrinter } from '../progress';
import { LTS_NODE_VERSION, ltsNodeBinDir } from './ltsNode';

/**
 * `npm run test:lts`: the parts of the suite where a Node release could change behaviour, on the LTS
 * the production image runs: the typecheck, the unit tests, the workflow tests (the SDK's sandbox
 * and native bridge) with the replay of every recorded history, and one end-to-end file across
 * API, worker and simulator. The whole suite runs on the machine's Node in `npm test`.
 */
const STEPS: { name: string; args: string[] }[] = [
  { name: 'typecheck', args: ['node_modules/typescript/bin/tsc', '--noEmit'] },
  {
    name: 'unit, workflow and end-to-end tests',
    args: ['node_modules/jest/bin/jest.js', 'test/unit', 'test/integration/workflows', 'test/e2e/returns.test.ts'],
  },
];

function runStep(node: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const progress = progressPrinter('lts');
  const bin = await ltsNodeBinDir(progress);
  // First on PATH, so the processes the tests start (`node`, tsx) run on the LTS too.
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
  for (const step of STEPS) {
    progress(`${step.name} on Node ${LTS_NODE_VERSION}`);
    const code = await runStep(join(bin, 'node'), step.args, env);
    if (code !== 0) return code;
  }
  progress(`passed on Node ${LTS_NODE_VERSION}`);
  return 0;
}

runMain(main);
