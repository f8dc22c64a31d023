/**
 * The worked examples of docs/integrators.md, read back from the page: each fenced block whose
 * info string is `http request` is a request, paired with the `http response` block after it,
 * which documents the answer's status, headers and fields. A request block may say
 * `save=name:path,…`: the answer's value at that path fills `{name}` in later examples; and
 * `to=simulator`: it goes to the local partner simulator, not the API (a test's or a demo's step,
 * such as making the order system fail, that a real partner system does on its own).
 */

/** Who a request goes to: the API, or the simulator standing in for the partner systems. */
export type Target = 'api' | 'simulator';

export interface HttpMessage {
  startLine: string;
  headers: [name: string, value: string][];
  body: string;
}

export interface GuideExample {
  /** Where the request block starts in the page, 1-based, for failure messages. */
  line: number;
  heading: string;
  request: HttpMessage;
  response: HttpMessage;
  save: Record<string, string>;
  target: Target;
}

function message(lines: string[]): HttpMessage {
  const blank = lines.indexOf('');
  const head = blank === -1 ? lines : lines.slice(0, blank);
  const headers = head.slice(1).map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
  return { startLine: head[0] ?? '', headers, body: blank === -1 ? '' : lines.slice(blank + 1).join('\n').trim() };
}

function targetOf(info: string, line: number): Target {
  const target = /\bto=(\S+)/.exec(info)?.[1] ?? 'api';
  if (target !== 'api' && target !== 'simulator') throw new Error(`docs/integrators.md:${line}: to=${target}: only api or simulator`);
  return target;
}

function saves(info: string): Record<string, string> {
  const spec = /\bsave=(\S+)/.exec(info)?.[1];
  if (!spec) return {};
  return Object.fromEntries(spec.split(',').map((pair) => pair.split(':') as [string, string]));
}

export function parseExamples(page: string): GuideExample[] {
  const lines = page.split('\n');
  const examples: GuideExample[] = [];
  let heading = '';
  let pending: Omit<GuideExample, 'response'> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
    const fence = /^```(http (request|response).*)$/.exec(line);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    if (end === -1) throw new Error(`docs/integrators.md:${i + 1}: the block never closes`);
    const content = message(lines.slice(i + 1, end));
    if (fence[2] === 'request') {
      if (pending) throw new Error(`docs/integrators.md:${pending.line}: a request without its response`);
      pending = { line: i + 1, heading, request: content, save: saves(fence[1]!), target: targetOf(fence[1]!, i + 1) };
    } else {
      if (!pending) throw new Error(`docs/integrators.md:${i + 1}: a response without its request`);
      examples.push({ ...pending, response: content });
      pending = undefined;
    }
    i = end;
  }
  if (pending) throw new Error(`docs/integrators.md:${pending.line}: a request without its response`);
  return examples;
}
