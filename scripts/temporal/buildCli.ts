import { buildGoTool, type GoTool } from '../goTool';
import { temporalCliVersion } from './cliVersion';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';

const TEMPORAL_CLI: GoTool = {
  label: 'the Temporal CLI',
  pkg: 'github.com/temporalio/cli/cmd/temporal',
  version: TEMPORAL_CLI_VERSION,
  binary: 'temporal',
};

/** Builds the pinned Temporal CLI into binDir/temporal (scripts/goTool.ts says how). */
export function buildTemporalCli(opts: { go: string; binDir: string; onProgress: (msg: string) => void }): Promise<string> {
  return buildGoTool(TEMPORAL_CLI, { ...opts, works: async (path) => (await temporalCliVersion(path)) !== null });
}
