import type { Attributes, AttributeValue, Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { withoutCredentials } from '../api/middleware/urlCredentials';
import { censorText } from '../config/redaction';

/** Credentials in a URL's query or shaped like a JWT, e-mail addresses and phone numbers, encoded or not, censored as a log line has them. */
const censorString = (text: string): string => censorText(withoutCredentials(text));

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function censoredValue(value: unknown): AttributeValue | undefined {
  if (typeof value === 'string') return censorString(value);
  if (isPrimitive(value)) return value;
  if (Array.isArray(value) && value.every((item) => item === null || item === undefined || isPrimitive(item))) {
    return value.map((item: unknown) => (typeof item === 'string' ? censorString(item) : item)) as AttributeValue;
  }
  return undefined;
}

/** In place: a finished span's attributes belong to whoever processes it next. */
function censorAttributes(attributes: Attributes | undefined): void {
  if (!attributes) return;
  for (const [key, value] of Object.entries(attributes)) {
    const censored = censoredValue(value);
    if (censored === undefined) delete attributes[key];
    else attributes[key] = censored;
  }
}

/**
 * Spans leave the process with personal data and credentials censored, as log lines do
 * (config/redaction.ts): an e-mail address or a phone number in a URL, a header the instrumentation
 * records (the User-Agent) or an error message, and a credential in a URL's query or shaped like a
 * JWT, wherever they are. A value OpenTelemetry does not allow as an attribute (anything but a
 * string, number or boolean, or an array of them) is dropped: the Temporal interceptors' sink puts
 * the whole workflow info on a workflow's spans, its search attributes, memo and last result among
 * them. Names are left alone: the instrumentation makes them of methods, route templates and types.
 */
export class CensoringSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    censorAttributes(span.attributes);
    for (const event of span.events) censorAttributes(event.attributes);
    for (const link of span.links) censorAttributes(link.attributes);
    if (span.status.message !== undefined) span.status.message = censorString(span.status.message);
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
