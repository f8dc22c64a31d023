import { execFile } from 'node:child_process';

/**
 * The first line of `temporal --version` (e.g. "temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)"),
 * or null when the file is missing, not executable, or not a Temporal CLI. Builds from
 * `go install` report "0.0.0-DEV", so the server version in parentheses is the useful part.
 */
export function temporalCliVersion(cliPath: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(cliPath, ['--version'], { timeout: 15_000 }, (error, stdout) => {
      const firstLine = stdout.split('\n')[0]?.trim() ?? '';
      resolve(!error && firstLine.startsWith('temporal version') ? firstLine : null);
    });
  });
}
