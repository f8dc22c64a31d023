import { Server } from 'node:http';
import { Writable } from 'node:stream';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ConfigError, loadConfig } from '../../config/env';
import { createLogger } from '../../config/logger';
import { CensoringSpanProcessor } from '../../tracing/censoringSpanProcessor';
import { startTracing } from '../../tracing/processTracing';
import { otlpTracesUrl, tracingEnv } from '../../tracing/settings';
import { workflowSource, workflowSourceFor } from '../../worker/workflowSource';

describe('the OTLP endpoint', () => {
  it('is the traces URL as given, else the base URL with OTLP/HTTP\'s traces path, else none: tracing is off', () => {
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://jaeger:4318/v1/traces', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://other:4318' })).toBe(
      'http://jaeger:4318/v1/traces',
    );
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('http://collector:4318/v1/traces');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://gateway.example/otlp/' })).toBe('https://gateway.example/otlp/v1/traces');
    expect(otlpTracesUrl({})).toBeNull();
  });

  it('is validated with the rest of the configuration, naming the setting', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(ConfigError);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://collector:4317' })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'returns-api' })).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'returns-api',
    });
  });

  it('is handed to the services a drill starts, resolved, and nothing when tracing is off', () => {
    expect(tracingEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' });
    expect(tracingEnv({})).toEqual({});
  });
});

describe('with no endpoint configured', () => {
  it('tracing does not start: no provider, no exporter, HTTP left as it is', () => {
    expect(startTracing(loadConfig({}), 'after-sales-api')).toBeNull();
    const span = trace.getTracer('test').startSpan('anything');
    expect(span.isRecording()).toBe(false);
    span.end();
    expect(Object.prototype.hasOwnProperty.call(Server.prototype.emit, '__wrapped')).toBe(false);
  });

  it("the worker's workflows start without the tracing interceptors, and with them when an endpoint is set", () => {
    expect(workflowSourceFor(loadConfig({}))).toBe(workflowSource);
    expect(workflowSource.workflowInterceptorModules).toEqual([expect.stringMatching(/workflowInterceptorsUntraced\.ts$/)]);
    for (const setting of ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
      const traced = workflowSourceFor(loadConfig({ [setting]: 'http://collector:4318' }));
      expect(traced.workflowInterceptorModules).toEqual([expect.stringMatching(/workflowInterceptorsTraced\.ts$/)]);
      expect({ ...traced, workflowInterceptorModules: workflowSource.workflowInterceptorModules }).toEqual(workflowSource);
    }
  });
});

describe('a span leaving the process', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new CensoringSpanProcessor(new SimpleSpanProcessor(exporter))] });
  const tracer = provider.getTracer('test');
  afterAll(() => provider.shutdown());

  function exported(build: (span: ReturnType<typeof tracer.startSpan>) => void): ReadableSpan {
    exporter.reset();
    const span = tracer.startSpan('GET /v1/cases');
    build(span);
    span.end();
    return exporter.getFinishedSpans()[0]!;
  }

  it('has e-mail addresses and phone numbers censored wherever a URL or header put them, encoded or not', () => {
    const span = exported((s) =>
      s.setAttributes({
        'http.url': 'http://api/v1/cases?customerId=alice.wang@example.com',
        'http.target': '/v1/cases?customerId=alice.wang%40example.com',
        'url.query': 'customerId=%2B86+138+0013+8000',
        'http.user_agent': 'shop-app/7.1 (erika@example.com; +49 30 5550199)',
      }),
    );
    expect(span.attributes).toEqual({
      'http.url': 'http://api/v1/cases?customerId=[redacted]',
      'http.target': '/v1/cases?customerId=[redacted]',
      'url.query': 'customerId=[redacted]',
      'http.user_agent': 'shop-app/7.1 ([redacted]; [redacted])',
    });
  });

  it('has credentials censored: in a URL\'s query, and anything shaped like a JWT', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';
    const span = exported((s) => {
      s.setAttribute('http.url', 'http://api/track/case_1?access_token=s3cret&lang=en');
      s.setStatus({ code: SpanStatusCode.ERROR, message: `refused bearer ${jwt}` });
    });
    expect(span.attributes['http.url']).toBe('http://api/track/case_1?access_token=[redacted]&lang=en');
    expect(span.status.message).toBe('refused bearer [redacted]');
  });

  it('has an error\'s message censored in its status and its exception event', () => {
    const span = exported((s) => {
      const error = new Error('notifications sendMessage rejected (422): no mailbox erika@example.com');
      s.recordException(error);
      s.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    });
    expect(span.status.message).toBe('notifications sendMessage rejected (422): no mailbox [redacted]');
    expect(span.events[0]!.attributes!['exception.message']).toBe(span.status.message);
    expect(JSON.stringify(span.events)).not.toContain('erika@example.com');
  });

  it('keeps ids, numbers, flags and lists, and drops what is no attribute value (the workflow info\'s objects)', () => {
    const span = exported((s) => {
      s.setAttributes({ temporalWorkflowId: 'case_0a1b2c', attempt: 2, continueAsNewSuggested: false, tags: ['a', 'b'] });
      // As the workflow interceptors' sink does, past the API's checks.
      Object.assign((s as unknown as ReadableSpan).attributes, { memo: { email: 'erika@example.com' }, startTime: new Date() });
    });
    expect(span.attributes).toEqual({ temporalWorkflowId: 'case_0a1b2c', attempt: 2, continueAsNewSuggested: false, tags: ['a', 'b'] });
  });
});

describe('a log line', () => {
  const provider = new NodeTracerProvider();
  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  function capturingLogger() {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    return { logger: createLogger({ level: 'info', name: 'trace-test', destination }), lines };
  }

  it('written in a span names its trace and span, and one written outside any names none', async () => {
    const { logger, lines } = capturingLogger();
    const tracer = trace.getTracer('test');
    let ids = { traceId: '', spanId: '' };
    await tracer.startActiveSpan('POST /v1/cases', async (span) => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.child({ reqId: 'r-1' }).info('request completed');
      ids = span.spanContext();
      span.end();
    });
    logger.info('idle');

    expect(lines[0]).toMatchObject({ msg: 'request completed', trace_id: ids.traceId, span_id: ids.spanId });
    expect(lines[1]).not.toHaveProperty('trace_id');
    expect(lines[1]).not.toHaveProperty('span_id');
  });
});
