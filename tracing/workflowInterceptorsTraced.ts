import { workflowTracing } from './workflowInterceptors';

/** The workflow interceptors of a worker that traces: new workflows run with Temporal's OpenTelemetry interceptors. */
export const interceptors = workflowTracing(true);
