import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../../api/webhooks/signature';
import { partnerChannels } from '../../../domain/partners';
import type { GuideExample } from './examples';

export interface GuideRun {
  apiUrl: string;
  /** The local partner simulator, for the examples that say `to=simulator`. */
  simulatorUrl: string;
  /** What `{name}` stands for: the example tokens, and values saved from earlier answers. */
  values: Map<string, string>;
  /** The secret a partner signs with, by `<kind>:<id>` as WEBHOOK_SECRETS names it. */
  secretOf(partner: string): string;
  /** How far today is from the day the page's examples are dated; their dates move by it. */
  shiftMs: number;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
const DATE_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;
/** Filled in once the body is known: the signature covers it. */
const SIGNING = new Set(['timestamp', 'signature']);

function fill(text: string, run: GuideRun): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (SIGNING.has(name)) return whole;
    const value = run.values.get(name);
    if (value === undefined) throw new Error(`nothing fills {${name}}: no earlier example saves it`);
    return value;
  });
}

// The order system's delivery notices (api/routes/deliveries.ts) are signed as `orders:<system>` too.
const kindByCollection = new Map<string, string>([
  ...Object.entries(partnerChannels).map(([kind, channel]) => [channel.collection, kind] as [string, string]),
  ['orders', 'orders'],
]);

/** `carrier:sim-carrier` for /v1/webhooks/carriers/sim-carrier. */
function partnerOf(path: string): string {
  const [, collection, id] = /^\/v1\/webhooks\/([^/]+)\/([^/?]+)/.exec(path) ?? [];
  const kind = collection && kindByCollection.get(collection);
  if (!kind || !id) throw new Error(`${path} is no partner webhook, yet the example signs it`);
  return `${kind}:${id}`;
}

/**
 * Sends one example's request as the page shows it: placeholders filled, dates moved to today, and
 * signed when it shows a signature.
 */
export async function send(example: GuideExample, run: GuideRun): Promise<Answer> {
  const [method, path] = fill(example.request.startLine, run).split(' ') as [string, string];
  const body = fill(example.request.body, run).replace(DATE_TIME, (at) => new Date(Date.parse(at) + run.shiftMs).toISOString());
  const headers = new Headers(example.request.headers.map(([name, value]) => [name, fill(value, run)]));
  if (headers.get(SIGNATURE_HEADER) === '{signature}') {
    const signed = signWebhook(run.secretOf(partnerOf(path)), body);
    headers.set(TIMESTAMP_HEADER, signed[TIMESTAMP_HEADER]);
    headers.set(SIGNATURE_HEADER, signed[SIGNATURE_HEADER]);
  }
  const base = example.target === 'simulator' ? run.simulatorUrl : run.apiUrl;
  const res = await fetch(`${base}${path}`, { method, headers, body: body || undefined });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null };
}
