import path from 'node:path';

/**
 * Where a V8 CPU profile's time went, by package (or the repository's top folder) and by
 * function, self time only: what `npm run profile:summary` prints for each thread's profile.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  endTime: number;
}

const REPO = path.resolve(__dirname, '../..');
const SHOWN = 15;

/** The package a frame belongs to, a node: built-in, the repository's top folder, or V8's own entries ("(garbage collector)"). */
function place(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  const pkg = /node_modules\/(@[^/]+\/[^/]+|[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return url;
  if (url.startsWith(`file://${REPO}/`) || url.startsWith(`${REPO}/`)) return url.replace(/^file:\/\//, '').slice(REPO.length + 1).split('/')[0]!;
  return (url || functionName).slice(0, NAME_CHARS);
}

/** Long enough to tell functions apart; V8 names some entries by their whole regular expression. */
const NAME_CHARS = 110;

function frameName(frame: ProfileNode['callFrame']): string {
  const where = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '').replace(`${REPO}/`, '');
  return `${frame.functionName || '(anonymous)'} ${where}${where ? `:${frame.lineNumber + 1}` : ''}`.slice(0, NAME_CHARS);
}

function table(rows: Map<string, number>, busyMs: number): string {
  return [...rows]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SHOWN)
    .map(([name, ms]) => `  ${(ms / 1000).toFixed(2).padStart(7)} s ${((100 * ms) / busyMs).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
}

export function summarize(file: string, profile: CpuProfile): string {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idleMs = 0;
  for (const id of profile.samples) {
    const frame = nodes.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleMs += msPerSample;
      continue;
    }
    byPlace.set(place(frame), (byPlace.get(place(frame)) ?? 0) + msPerSample);
    byFunction.set(frameName(frame), (byFunction.get(frameName(frame)) ?? 0) + msPerSample);
  }
  const totalMs = profile.samples.length * msPerSample;
  const busyMs = totalMs - idleMs;
  return [
    `${path.basename(file)}: busy ${(busyMs / 1000).toFixed(1)} s of ${(totalMs / 1000).toFixed(1)} s`,
    'by package or folder (self time, share of busy):',
    table(byPlace, busyMs),
    'by function:',
    table(byFunction, busyMs),
  ].join('\n');
}

