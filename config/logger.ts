import pino, { type Logger } from 'pino';

/**
 * Personal data never reaches a log line: contact details, names, addresses and credentials are
 * censored wherever they appear in a logged object (a request body, a workflow input, an error's
 * context), down to eight levels deep, which covers every document this service handles.
 */
const personalFields = ['contact', 'email', 'phone', 'mobile', 'address', 'street', 'postalCode', 'to', 'firstName', 'lastName', 'fullName'];
const secretFields = ['authorization', 'cookie', 'password', 'secret', 'signatureSecret', 'token'];
const DEPTH = 8;

/** `field` at every depth from `from` (0: top level) to DEPTH. */
function everywhere(fields: string[], from = 0): string[] {
  return fields.flatMap((f) => Array.from({ length: DEPTH - from }, (_, i) => [...Array<string>(from + i).fill('*'), f].join('.')));
}

export const redactPaths = [
  ...everywhere(personalFields),
  ...everywhere(secretFields),
  // Top-level `name` is the logger's own; a person's name only ever appears nested.
  ...everywhere(['name'], 1),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-webhook-signature"]',
];

/** stdout unless `destination` says otherwise (the bench keeps stdout for its results). */
export function createLogger(opts: { level: string; name: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      name: opts.name,
      level: opts.level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: { service: 'after-sales-orchestrator' },
    },
    opts.destination,
  );
}
