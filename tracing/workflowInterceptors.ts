import {
  patched,
  workflowInfo,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowInterceptorsFactory,
  type WorkflowInternalsInterceptor,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/**
 * Workflow code (it runs in each workflow's sandbox): Temporal's OpenTelemetry workflow
 * interceptors for the workflows that run with them, and for no other.
 *
 * A workflow runs with them, or without them, for its whole life, whichever worker replays it:
 * they change when a handler's or an activity's promise settles (each span around it is a few
 * microtasks), and a history made one way does not always replay the other (a complaint's
 * escalation acknowledged with them swaps its timer's cancellation and the update's answer without
 * them; test/integration/workflows/replay.test.ts). A workflow that starts without them says so in
 * its history with a patch marker, before its first command; a history without the marker runs
 * with them: those of every workflow started while every bundle had them, and those started before
 * tracing, whose part recorded without them the interceptors' SDK flags replay as it was.
 *
 * A workflow without them never evaluates OpenTelemetry's SDK in its sandbox, builds no tracer and
 * makes no span: tracing costs the traced workflows only (docs/observability.md).
 */
const UNTRACED = 'workflow-untraced';

type Intercept = (input: unknown, next: (input: unknown) => unknown) => unknown;

/** Every method of each kind of interceptor: an SDK that adds one fails the typecheck here until it is forwarded. */
const INBOUND: Record<keyof WorkflowInboundCallsInterceptor, true> = {
  execute: true,
  handleSignal: true,
  handleUpdate: true,
  validateUpdate: true,
  handleQuery: true,
};
const OUTBOUND: Record<keyof WorkflowOutboundCallsInterceptor, true> = {
  startTimer: true,
  scheduleActivity: true,
  scheduleLocalActivity: true,
  startNexusOperation: true,
  startChildWorkflowExecution: true,
  signalWorkflow: true,
  continueAsNew: true,
  getLogAttributes: true,
  getMetricTags: true,
};
const INTERNALS: Record<keyof WorkflowInternalsInterceptor, true> = { activate: true, concludeActivation: true, dispose: true };

/**
 * An interceptor that hands each call to the traced one, or straight on when there is none. It
 * calls through synchronously: no microtask of its own, so an untraced workflow settles every
 * promise when it would with no interceptor at all.
 */
function forwarding<I>(methods: Record<keyof I, true>, traced: () => object | undefined): I {
  const forward = (method: string): Intercept => (input, next) => {
    const interceptor = traced() as Record<string, Intercept | undefined> | undefined;
    const intercept = interceptor?.[method];
    return intercept ? intercept.call(interceptor, input, next) : next(input);
  };
  return Object.fromEntries(Object.keys(methods).map((method) => [method, forward(method)])) as I;
}

/**
 * The interceptors of a bundle; `traceNewWorkflows` is the worker's configuration
 * (worker/workflowSource.ts). Decided at a workflow's first activation, before any job of it runs.
 */
export function workflowTracing(traceNewWorkflows: boolean): WorkflowInterceptorsFactory {
  return () => {
    let traced: WorkflowInterceptors | null | undefined;
    const decide = (): WorkflowInterceptors | null => {
      if (workflowInfo().unsafe.isReplaying) {
        // As it started, whatever this worker's configuration.
        if (patched(UNTRACED)) return null;
      } else if (!traceNewWorkflows) {
        patched(UNTRACED); // records the marker
        return null;
      }
      // Evaluated here, in a traced workflow only: the interceptors' module loads OpenTelemetry's SDK.
      const otel = require('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors') as { interceptors: WorkflowInterceptorsFactory };
      return otel.interceptors();
    };
    const internals = forwarding<WorkflowInternalsInterceptor>(INTERNALS, () => traced?.internals?.[0]);
    return {
      inbound: [forwarding<WorkflowInboundCallsInterceptor>(INBOUND, () => traced?.inbound?.[0])],
      outbound: [forwarding<WorkflowOutboundCallsInterceptor>(OUTBOUND, () => traced?.outbound?.[0])],
      internals: [
        {
          ...internals,
          activate: (input, next) => {
            if (traced === undefined) traced = decide();
            return internals.activate!(input, next);
          },
        },
      ],
    };
  };
}
