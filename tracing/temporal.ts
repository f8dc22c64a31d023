import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ClientInterceptors } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { processTracing } from './processTracing';

/**
 * Temporal's OpenTelemetry interceptors, wired as the SDK documents them, on every client and
 * worker whether tracing is on or off (off, their spans do not record and nothing is exported):
 * the trace of a request crosses into its workflow and activities in Temporal headers. The
 * workflow side is in every workflow bundle (worker/workflowSource.ts), so production, the tests
 * and the replay of recorded histories run the same workflow code.
 */

/** StartWorkflow, SignalWorkflow, QueryWorkflow, StartWorkflowUpdate…: the span of the call, its context in the headers. */
export function tracingClientInterceptors(): ClientInterceptors {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/** RunActivity, a child of the workflow's StartActivity; and its trace on the activity's log lines. */
export const tracingActivityInterceptors: ActivityInterceptorsFactory[] = [
  (ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) }),
];

/**
 * The sink the workflow interceptors export their spans through (RunWorkflow, StartActivity,
 * HandleUpdate…), to this process's tracing, or nowhere while it is off: a bundle with the
 * interceptors calls it either way. The SDK does not call it on replay, so a workflow replayed
 * after its worker's cache let it go does not export its spans twice.
 */
export function workflowTracingSinks(): InjectedSinks<OpenTelemetrySinks> {
  const tracing = processTracing();
  return { exporter: makeWorkflowExporter(tracing?.spanProcessor ?? new NoopSpanProcessor(), tracing?.resource ?? Resource.empty()) };
}
