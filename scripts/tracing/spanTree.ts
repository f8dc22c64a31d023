import type { ReceivedSpan } from './otlpReceiver';

const CLIENT = 3;
/** OTLP's span kinds as people say them; internal ones (Temporal's) say nothing. */
const KINDS: Record<number, string> = { 2: 'server', 3: 'client', 4: 'producer', 5: 'consumer' };
const ms = (ns: bigint) => `${(Number(ns) / 1e6).toFixed(1)} ms`;

/** Where a client span went: the path of its URL (the host is the partner's, from the configuration). */
function destination(span: ReceivedSpan): string {
  const url = span.attributes['url.full'] ?? span.attributes['http.url'];
  if (span.kind !== CLIENT || typeof url !== 'string') return '';
  return ` ${new URL(url).pathname}`;
}

/**
 * One trace as people read it: every span under its parent, siblings in the order they started,
 * each with its duration, when it started after the trace began, the service that sent it and,
 * for HTTP, which side of the call it is. A span whose parent was not received stands at the top,
 * marked so.
 */
export function spanTree(spans: ReceivedSpan[]): string {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | null, ReceivedSpan[]>();
  for (const span of spans) {
    const parent = span.parentSpanId !== null && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0));
  const origin = spans.reduce((min, s) => (s.startNs < min ? s.startNs : min), spans[0]?.startNs ?? 0n);

  const rows: { label: string; span: ReceivedSpan }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      const orphan = depth === 0 && span.parentSpanId !== null ? ' (parent not received)' : '';
      rows.push({ label: `${'  '.repeat(depth)}${span.name}${destination(span)}${orphan}`, span });
      walk(span.spanId, depth + 1);
    }
  };
  walk(null, 0);
  const width = Math.max(0, ...rows.map((r) => r.label.length));
  return rows
    .map(({ label, span }) => {
      const timing = `${ms(span.endNs - span.startNs).padStart(10)}  +${ms(span.startNs - origin).padEnd(10)}`;
      return `${label.padEnd(width)}  ${timing}  ${span.service}${KINDS[span.kind] ? ` (${KINDS[span.kind]})` : ''}`;
    })
    .join('\n');
}

/** `span` and the spans above it, from the root of its trace down: the path a request took to it. */
export function ancestry(spans: ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const path = [span];
  for (let parent = byId.get(span.parentSpanId ?? ''); parent; parent = byId.get(parent.parentSpanId ?? '')) path.unshift(parent);
  return path;
}
