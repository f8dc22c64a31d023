import { execFile } from 'node:child_process';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '../../..');

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript entry point as its own process, the way `npm run` does. The database tooling
 * loads ES-module-only packages, which jest's module registry cannot require on Node 20.
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ScriptRun> {
  const tsx = require.resolve('tsx/cli');
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, script, ...args], { cwd: projectRoot, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
