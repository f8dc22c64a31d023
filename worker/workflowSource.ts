import { otlpTracesUrl, type TracingConfig } from '../tracing/settings';

/** What a workflow bundle is built from, whether the worker bundles at start or a test run prebuilds one. */
export interface WorkflowSource {
  workflowsPath: string;
  preloadModules: string[];
  workflowInterceptorModules: string[];
}

/**
 * The workflows as production runs them by default: the workflows a worker starts run without the
 * tracing interceptors.
 *
 * The worker runs all workflows in one reusable V8 context, where each workflow evaluates the
 * modules it imports anew, unless they are preloaded: then they are evaluated once and shared
 * (frozen). The workflows read transition tables and policies that live beside their zod
 * schemas, so without preloading every workflow built zod and every schema again: over a
 * megabyte and milliseconds of CPU per workflow, per cache miss. These modules hold no
 * per-workflow state, which is what preloading requires; workflow code must stay out of the list.
 * The process registry brings every process's definition (tables, payload schemas, policies).
 *
 * Preloaded modules are deep-frozen, and zod memoizes on a schema the first time it parses with
 * it, so a workflow never parses with these schemas: payloads arrive parsed by the API, and the
 * workflows read the definitions' tables and types only.
 */
export const workflowSource: WorkflowSource = {
  workflowsPath: require.resolve('../workflows'),
  preloadModules: [
    'zod',
    require.resolve('../domain'),
    require.resolve('../config/policies'),
    require.resolve('../workflows/registry'),
  ],
  workflowInterceptorModules: [require.resolve('../tracing/workflowInterceptorsUntraced')],
};

/**
 * The same workflows for a worker that traces: the workflows it starts run with Temporal's
 * OpenTelemetry workflow interceptors (tracing/temporal.ts). Only then: with them, each workflow
 * evaluates OpenTelemetry's SDK in its sandbox and makes a tracer and spans, exported or not
 * (docs/observability.md).
 *
 * Either bundle holds the interceptors' code, and runs it in the workflows that started with it:
 * a workflow keeps the interceptors, or their absence, for its whole life, whichever worker
 * replays it, so tracing can be turned on or off with cases in flight
 * (tracing/workflowInterceptors.ts).
 */
export const tracedWorkflowSource: WorkflowSource = {
  ...workflowSource,
  workflowInterceptorModules: [require.resolve('../tracing/workflowInterceptorsTraced')],
};

/** The workflows a worker with this configuration runs: new ones traced when it exports spans (tracing/settings.ts). */
export function workflowSourceFor(config: TracingConfig): WorkflowSource {
  return otlpTracesUrl(config) === null ? workflowSource : tracedWorkflowSource;
}
