import type { components } from '../../../api/schema';

export type ProcessSummary = components['schemas']['ProcessSummary'];

export interface PlacedStatus {
  name: string;
  column: number;
  row: number;
}

/**
 * Columns by distance from the initial status along `next` (breadth first); statuses that end
 * the process (no `next`) in a column of their own at the right, so the arrows into them all run
 * the same way. Within a column, the order the process lists its statuses.
 */
export function layoutOf(process: ProcessSummary): PlacedStatus[] {
  const next = new Map<string, readonly string[]>(process.statuses.map((s) => [s.name, s.next]));
  const terminal = new Set<string>(process.statuses.filter((s) => s.next.length === 0).map((s) => s.name));
  const depth = new Map<string, number>([[process.initialStatus, 0]]);
  const queue: string[] = [process.initialStatus];
  while (queue.length > 0) {
    const here = queue.shift()!;
    for (const to of next.get(here) ?? []) {
      if (depth.has(to) || terminal.has(to)) continue;
      depth.set(to, depth.get(here)! + 1);
      queue.push(to);
    }
  }
  const deepest = Math.max(0, ...depth.values());
  // Statuses the initial one never leads to (none today) get a column after the reachable ones.
  const unreachable = process.statuses.some((s) => !terminal.has(s.name) && !depth.has(s.name));
  const last = deepest + (unreachable ? 2 : 1);
  const columnOf = (name: string) => (terminal.has(name) ? last : (depth.get(name) ?? deepest + 1));
  const rows = new Map<number, number>();
  return process.statuses.map((s) => {
    const column = columnOf(s.name);
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { name: s.name, column, row };
  });
}
