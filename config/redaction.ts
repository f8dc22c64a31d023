import { contactFields } from '../domain/personalData';

/**
 * Personal data and credentials never reach a log line. Contact details, names, addresses and
 * credentials are censored wherever they appear in a line, at any depth: in a request body, a
 * workflow input, an error's context, a child logger's bindings. Beyond the listed keys, every
 * e-mail address and phone number is censored by its shape, whatever key holds it and wherever
 * it sits in a string: a message, an error text, an array, a key.
 *
 * The censoring works on the finished line, once: parse, walk, serialize. pino's own path-based
 * redaction needs one wildcard path per field and depth (150 of them), which cost 180 µs per
 * line and 90 µs per child logger even when nothing was logged; this costs a few µs per line
 * that carries a listed key or something shaped like an address, and one scan of the line for
 * any other line or child.
 */
export const CENSOR = '[redacted]';

/** The contact fields an erasure removes (domain/personalData.ts), and a message's recipient. */
const personalFields = [...contactFields.filter((field) => field !== 'name'), 'to'];
const secretFields = ['authorization', 'cookie', 'password', 'secret', 'signatureSecret', 'token', 'x-webhook-signature'];
const censoredEverywhere = new Set([...personalFields, ...secretFields]);
/** A top-level `name` is the logger's own; a person's name only ever appears nested. */
const censoredNested = new Set(['name']);

const mentionsCensoredKey = new RegExp(`"(?:${[...censoredEverywhere].join('|')})":`);
const NAME_KEY = '"name":';

/*
 * Shapes of contact details. A phone number stands apart from what surrounds it: not inside a
 * word, a number, a decimal or a dashed id, so case ids (case_<hex>), UUIDs, order ids
 * (ord-101517), tracking numbers (SIM0123456789), ISO timestamps, versions and addresses such as
 * 127.0.0.1 stay readable; amounts and epoch times are JSON numbers and never looked at. An
 * address's local part is taken as ASCII, its domain in any script: Chinese text runs into an
 * address without a space, and would otherwise be censored with it.
 */
const EMAIL = String.raw`(?<![\w.%+\-])[\w.%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}`;
/** A mainland China mobile: 1[3-9] and nine digits, grouped 3-4-4 or not, with or without 86, +86 or 0086. */
const CHINA_MOBILE = String.raw`(?:(?:\+|00)?86[ \-]?)?1[3-9]\d(?:[ \-]?\d{4}){2}`;
/** E.164 as people write it: + (or 00) and 7 to 15 digits, spaced, dashed, dotted or with (0). */
const INTERNATIONAL = String.raw`(?:\+|00)[1-9](?:[ ().\-]{0,2}\d){6,14}`;
/** A national number with its trunk 0 and area code set apart: 030 5550199, (030) 555-0199, 010-12345678. */
const NATIONAL = String.raw`\(?0\d{1,4}\)?[ \-]\d{3,4}[ \-]?\d{3,5}`;
const PHONE = String.raw`(?<![\w.+\-])(?:${CHINA_MOBILE}|${INTERNATIONAL}|${NATIONAL})(?![\w\-]|[.,]\d)`;

const emails = new RegExp(EMAIL, 'gu');
const phones = new RegExp(PHONE, 'g');
const mentionsPhone = new RegExp(PHONE);

/**
 * Whether a line may carry something to censor; most do not, and skip the parse. Every line of
 * our loggers has the logger's own top-level name, so a second `"name":` is one to look at. A
 * line with an escape is parsed too: in the raw line, `\n` rather than a line break stands
 * before a number, and hides it from the phone pattern.
 */
function mayCarryCensored(line: string): boolean {
  if (line.includes('@') || line.includes('\\') || mentionsCensoredKey.test(line) || mentionsPhone.test(line) || mayHoldEncodedContact.test(line)) return true;
  const first = line.indexOf(NAME_KEY);
  return first !== -1 && line.indexOf(NAME_KEY, first + NAME_KEY.length) !== -1;
}

/** Neither an address (it has an @) nor a phone number (it has digits) can be in it: most keys and words. */
const cannotHoldContact = /^[^\d@]*$/;
/** How a URL or a form encodes a contact: %40 for an address's @, %2B for a number's +, + or %20 between its digits. */
const mayHoldEncodedContact = /%40|%2B\d|\d(?:\+|%20)\d/i;

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A query string as a form encodes it: + for a space, %2B for a plus. */
const formDecoded = (text: string): string => percentDecoded(text.replace(/\+/g, ' '));

function censorShapes(text: string): string {
  // The e-mail pattern is the costly one, and an address has an @.
  const withoutEmails = text.includes('@') ? text.replace(emails, CENSOR) : text;
  return withoutEmails.replace(phones, CENSOR);
}

/**
 * A string with every e-mail address and phone number in it censored, in log lines and spans
 * (tracing/censoringSpanProcessor.ts); also where a URL percent- or form-encodes them, and then the
 * string is kept decoded.
 */
export function censorText(text: string): string {
  if (cannotHoldContact.test(text)) return text;
  let censored = censorShapes(text);
  if (!mayHoldEncodedContact.test(censored)) return censored;
  for (const decode of [percentDecoded, formDecoded]) {
    const decoded = decode(censored);
    const again = censorShapes(decoded);
    if (again !== decoded) censored = again;
  }
  return censored;
}

/**
 * A parsed JSON document with every censored key's value and every contact detail replaced, in
 * place. JSON.parse made every key an own property, `__proto__` too, so assigning writes the
 * property and never the prototype.
 */
function censored(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return censorText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = censored(value[i], depth + 1);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const inner = censoredEverywhere.has(key) || (depth > 0 && censoredNested.has(key)) ? CENSOR : censored(object[key], depth + 1);
    const safeKey = censorText(key);
    if (safeKey !== key) delete object[key];
    object[safeKey] = inner;
  }
  return object;
}

/** One finished NDJSON log line of a named logger, censored; a line that is not JSON, as text. */
export function censorLogLine(line: string): string {
  if (!mayCarryCensored(line)) return line;
  let document: unknown;
  try {
    document = JSON.parse(line);
  } catch {
    return censorText(line);
  }
  return `${JSON.stringify(censored(document, 0))}\n`;
}
