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
 * Temporal's OpenTelemetry interceptors, wired as the SDK documents them: the trace of a request
 * crosses into its workflow and activities in Temporal headers. The client's and the activities'
 * are on every client and worker whether tracing is on or off (off, their spans do not record).
 * The workflows' run in the workflows a worker that traces starts, and in no other
 * (tracing/workflowInterceptors.ts): in a workflow's sandbox their spans record, and cost, either way.
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
 * HandleUpdate…), to this process's tracing, or nowhere while it is off: a workflow that started
 * with the interceptors calls it either way. The SDK does not call it on replay, so a workflow replayed
 * after its worker's cache let it go does not export its spans twice.
 */
export function workflowTracingSinks(): InjectedSinks<OpenTelemetrySinks> {
  const tracing = processTracing();
  return { exporter: makeWorkflowExporter(tracing?.spanProcessor ?? new NoopSpanProcessor(), tracing?.resource ?? Resource.empty()) };
}
