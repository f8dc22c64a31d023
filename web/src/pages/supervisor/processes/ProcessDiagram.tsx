import { useI18n } from '../../../i18n/I18nProvider';
import { labelOf } from '../format';
import { layoutOf, type ProcessSummary } from './layout';

const NODE = { width: 176, height: 56 };
const GAP = { x: 56, y: 22 };
const PAD = 24;

interface Box {
  x: number;
  y: number;
}

/** An arrow from one status to the next: forward ones from side to side, within a column straight, ones going back arc over the top. */
function edgePath(from: Box, to: Box): string {
  if (to.x > from.x) {
    const x1 = from.x + NODE.width;
    const y1 = from.y + NODE.height / 2;
    const x2 = to.x;
    const y2 = to.y + NODE.height / 2;
    const bend = (x2 - x1) / 2;
    return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
  }
  if (to.x === from.x) {
    // Same column: straight down, or up, between the facing edges.
    const x = from.x + NODE.width / 2;
    return to.y > from.y ? `M ${x} ${from.y + NODE.height} L ${x} ${to.y}` : `M ${x} ${from.y} L ${x} ${to.y + NODE.height}`;
  }
  const x1 = from.x + NODE.width / 2 + 12;
  const x2 = to.x + NODE.width / 2 - 12;
  const lift = Math.min(from.y, to.y) - GAP.y + 4;
  return `M ${x1} ${from.y} C ${x1} ${lift}, ${x2} ${lift}, ${x2} ${to.y}`;
}

/**
 * The process as its state diagram, drawn from its transition table: a box per status with how
 * many cases are open in it now, an arrow for each `next`. Named and described for screen
 * readers; the table beside it says the same in rows.
 */
export function ProcessDiagram({ process }: { process: ProcessSummary }) {
  const { t } = useI18n();
  const placed = layoutOf(process);
  const boxes = new Map(
    placed.map((p) => [p.name, { x: PAD + p.column * (NODE.width + GAP.x), y: PAD + GAP.y + p.row * (NODE.height + GAP.y) }]),
  );
  const width = PAD * 2 + (Math.max(...placed.map((p) => p.column)) + 1) * (NODE.width + GAP.x) - GAP.x;
  const height = PAD * 2 + GAP.y + (Math.max(...placed.map((p) => p.row)) + 1) * (NODE.height + GAP.y);
  const marker = `arrow-${process.name}`;
  const title = t('processes.diagram', { title: labelOf(t, 'processes.name', process.name) });
  return (
    <svg
      className="process-diagram"
      role="img"
      aria-labelledby={`${marker}-title ${marker}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <title id={`${marker}-title`}>{title}</title>
      <desc id={`${marker}-desc`}>{t('processes.diagramDesc', { states: process.statuses.length, open: process.openCases })}</desc>
      <defs>
        <marker id={marker} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#5a6272" />
        </marker>
      </defs>
      {process.statuses.flatMap((s) =>
        s.next.map((to) => (
          <path
            key={`${s.name}->${to}`}
            d={edgePath(boxes.get(s.name)!, boxes.get(to)!)}
            fill="none"
            stroke="#8a92a3"
            strokeWidth={1.5}
            markerEnd={`url(#${marker})`}
          />
        )),
      )}
      {process.statuses.map((s) => {
        const box = boxes.get(s.name)!;
        const busy = s.openCases > 0;
        return (
          <g key={s.name} transform={`translate(${box.x} ${box.y})`} className={busy ? 'node node-busy' : 'node'}>
            <rect
              width={NODE.width}
              height={NODE.height}
              rx={8}
              fill={busy ? '#e6eefb' : '#ffffff'}
              stroke={s.name === process.initialStatus ? '#1f5fbf' : '#8a92a3'}
              strokeWidth={s.name === process.initialStatus ? 2.5 : 1.25}
            />
            <text x={NODE.width / 2} y={22} textAnchor="middle" fontSize={13} fontWeight={600} fill="#1d2330">
              {labelOf(t, 'processes.status', s.name)}
            </text>
            <text x={NODE.width / 2} y={42} textAnchor="middle" fontSize={12} fill={busy ? '#1d2330' : '#5a6272'}>
              {s.name === process.initialStatus
                ? `${t('processes.open', { count: s.openCases })} · ${t('processes.initial')}`
                : t('processes.open', { count: s.openCases })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
