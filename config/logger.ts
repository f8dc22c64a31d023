import pino, { type Logger } from 'pino';

/**
 * Personal data never reaches a log line: contact details, names, addresses and credentials are
 * censored wherever they appear in a logged object, at any of the depths our payloads use.
 */
const personalFields = ['contact', 'email', 'phone', 'address', 'to'];
const secretFields = ['authorization', 'cookie', 'password', 'secret'];

function everywhere(fields: string[]): string[] {
  return fields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]);
}

export const redactPaths = [
  ...everywhere(personalFields),
  ...everywhere(secretFields),
  // Top-level `name` is the logger's own; a person's name only ever appears nested.
  '*.name',
  '*.*.name',
  '*.*.*.name',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-webhook-signature"]',
];

export function createLogger(opts: { level: string; name: string }): Logger {
  return pino({
    name: opts.name,
    level: opts.level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    base: { service: 'after-sales-orchestrator' },
  });
}
