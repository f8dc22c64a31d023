import pino from 'pino';
import { startTracing } from '../../tracing/processTracing';
import { returnRequest } from '../load/caseRequests';
import { privateRun } from '../load/privateRun';
import { runMain, stopOnSignals } from '../load/runMain';
import { ServiceClient } from '../load/serviceClient';
import { progressPrinter } from '../progress';
import { startAutopilotStack } from '../demo/demoStack';
import { startOtlpReceiver } from './otlpReceiver';
import { ancestry, spanTree } from './spanTree';

/** Each carrier and warehouse step a moment after the last, so the refund comes within seconds. */
const PARTNER_DELAY_MS = 200;

/**
 * `npm run trace:refund`: one return from the channel's request to its refund, traced as
 * production traces it (tracing/), received by a collector stand-in in this process and printed
 * as its tree of spans, then the path from the request to the payment provider's refund call. A
 * private stack as `npm start` runs one (Temporal dev server, embedded PostgreSQL, simulator, API
 * and worker in this process). To look at traces in a tracing UI instead, see docs/observability.md.
 */
async function main(): Promise<number> {
  const progress = progressPrinter('trace');
  const receiver = await startOtlpReceiver();
  const run = await privateRun('trace');
  const config = { ...run.config, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url };
  const tracing = startTracing(config, 'after-sales-orchestrator')!;
  const stack = await startAutopilotStack(config, 'trace', progress, {
    logDestination: pino.destination(2),
    delays: { pickupMs: PARTNER_DELAY_MS, deliveryMs: PARTNER_DELAY_MS, inspectionMs: PARTNER_DELAY_MS },
  });
  const stop = async () => {
    await stack.stop();
    await tracing.shutdown();
    await receiver.close();
  };
  stopOnSignals(stop, progress);
  try {
    const service = new ServiceClient(stack.apiUrl, stack.simulatorUrl!, stack.webhookSecret, stack.tokens);
    const { body, order } = returnRequest(run.runId, 'refund');
    await service.addOrder(order);
    const opened = await service.createCase(body, `${run.runId}-refund`);
    if (opened.status !== 201) throw new Error(`opening the return answered ${opened.status}: ${JSON.stringify(opened.body)}`);
    const caseId = String(opened.body.id);
    progress(`return ${caseId} opened; waiting for its refund and its close`);
    const outcome = await stack.client.workflow.getHandle(caseId).result();
    // The workflow's own span ends as it completes: send it and everything still batched.
    await tracing.spanProcessor.forceFlush();

    const spans = receiver.spans();
    const request = spans.find((s) => s.name === 'POST /v1/cases');
    const refundCall = spans.find((s) => s.kind === 3 && String(s.attributes['url.full']).endsWith('/payments/refunds'));
    if (!request || !refundCall) throw new Error(`the trace misses ${request ? 'the refund call' : 'the request'}; received ${spans.length} spans`);
    const trace = spans.filter((s) => s.traceId === request.traceId);
    process.stdout.write(`\nThe trace of return ${caseId} (${JSON.stringify(outcome)}), ${trace.length} spans, id ${request.traceId}:\n\n`);
    process.stdout.write(`${spanTree(trace)}\n\nFrom the request to the refund:\n\n`);
    process.stdout.write(`${spanTree(ancestry(trace, refundCall))}\n`);
    return refundCall.traceId === request.traceId ? 0 : 1;
  } finally {
    progress('stopping the stack');
    await stop();
  }
}

runMain(main);
