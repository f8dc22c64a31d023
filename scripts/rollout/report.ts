import type { DeploymentState, OpenOnBuild } from './workerDeployment';

/** `npm run rollout`'s answers, for a person at a terminal. */

/** The share of new cases each build takes now. */
export function newCaseShares(state: DeploymentState): Map<string, number> {
  const shares = new Map<string, number>();
  if (state.current) shares.set(state.current, 100 - (state.ramping?.percentage ?? 0));
  if (state.ramping) shares.set(state.ramping.buildId, state.ramping.percentage);
  return shares;
}

export function formatOpen(open: OpenOnBuild): string {
  return `${open.open} open, ${open.pinned} of them pinned to it`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('   ')}`.trimEnd());
}

/** Every build, oldest first, with its status, its share of new cases and what is open on it; then where new cases go. */
export function formatDeployment(state: DeploymentState, open: Map<string, OpenOnBuild>): string {
  const shares = newCaseShares(state);
  const rows = state.versions.map((v) => {
    const here = open.get(v.buildId);
    return [
      v.buildId,
      v.status,
      shares.has(v.buildId) ? `${shares.get(v.buildId)} %` : '-',
      here ? String(here.open) : '?',
      here ? String(here.pinned) : '?',
      v.createdAt ? `${v.createdAt.slice(0, 16).replace('T', ' ')} UTC` : '',
    ];
  });
  const where =
    shares.size === 0
      ? 'new cases: unversioned workers (no build is current yet: npm run rollout -- promote <build-id>)'
      : `new cases: ${[...shares].map(([build, share]) => `${share} % on ${build}`).join(', ')}`;
  return [...table([['build', 'status', 'new cases', 'open', 'pinned', 'first polled'], ...rows]), where].join('\n');
}
