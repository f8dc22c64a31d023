import { workflowTracing } from './workflowInterceptors';

/** The workflow interceptors of a worker that does not trace: new workflows run without Temporal's OpenTelemetry interceptors. */
export const interceptors = workflowTracing(false);
