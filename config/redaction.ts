/**
 * Personal data and credentials never reach a log line. Contact details, names, addresses and
 * credentials are censored wherever they appear in a line, at any depth: in a request body, a
 * workflow input, an error's context, a child logger's bindings.
 *
 * The censoring works on the finished line, once: parse, walk, serialize. pino's own path-based
 * redaction needs one wildcard path per field and depth (150 of them), which cost 180 µs per
 * line and 90 µs per child logger even when nothing was logged; this costs a few µs per line
 * that carries a listed key, and nothing for any other line or child.
 */
export const CENSOR = '[redacted]';

const personalFields = ['contact', 'email', 'phone', 'mobile', 'address', 'street', 'postalCode', 'to', 'firstName', 'lastName', 'fullName'];
const secretFields = ['authorization', 'cookie', 'password', 'secret', 'signatureSecret', 'token', 'x-webhook-signature'];
const censoredEverywhere = new Set([...personalFields, ...secretFields]);
/** A top-level `name` is the logger's own; a person's name only ever appears nested. */
const censoredNested = new Set(['name']);

const mentionsCensoredKey = new RegExp(`"(?:${[...censoredEverywhere].join('|')})":`);
const NAME_KEY = '"name":';

/**
 * Whether a line may carry a censored key; most do not, and skip the parse. Every line of our
 * loggers has the logger's own top-level name, so a second `"name":` is one to look at.
 */
function mayCarryCensored(line: string): boolean {
  if (mentionsCensoredKey.test(line)) return true;
  const first = line.indexOf(NAME_KEY);
  return first !== -1 && line.indexOf(NAME_KEY, first + NAME_KEY.length) !== -1;
}

/** Replaces every censored key's value in a parsed JSON document, in place. */
function censorDocument(value: unknown, depth = 0): void {
  if (Array.isArray(value)) {
    for (const item of value) censorDocument(item, depth + 1);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (censoredEverywhere.has(key) || (depth > 0 && censoredNested.has(key))) object[key] = CENSOR;
    else censorDocument(object[key], depth + 1);
  }
}

/** One finished NDJSON log line of a named logger, censored. A line that is not JSON is left as it is. */
export function censorLogLine(line: string): string {
  if (!mayCarryCensored(line)) return line;
  let document: unknown;
  try {
    document = JSON.parse(line);
  } catch {
    return line;
  }
  censorDocument(document);
  return `${JSON.stringify(document)}\n`;
}
