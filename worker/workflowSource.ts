/**
 * What every workflow bundle is built from, whether the worker bundles at start or a test run
 * prebuilds one.
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
export const workflowSource = {
  workflowsPath: require.resolve('../workflows'),
  preloadModules: [
    'zod',
    require.resolve('../domain'),
    require.resolve('../config/policies'),
    require.resolve('../workflows/registry'),
  ],
  /**
   * Temporal's OpenTelemetry workflow interceptors (tracing/temporal.ts), in every bundle whether
   * tracing is on or not, so the workflow code the tests and the replay of recorded histories run is
   * production's. Not preloaded: they keep a tracer per workflow.
   */
  workflowInterceptorModules: [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')],
};
