import { DefaultLogger, type LogEntry, Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';

const levels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * Routes the SDK's workflow and activity logs (which carry workflowId, activity type and
 * attempt) into pino, lifting the case id to the top level: a case's workflow id is its case id.
 * Install once per process, before the first worker or connection. A host that orders its own
 * shutdown (the local stack) passes no signals so the SDK does not stop workers behind its back.
 * With `metricsAddress` (ip:port, TEMPORAL_METRICS_PORT), the SDK serves its own worker metrics
 * there for Prometheus (task slots, poll and schedule-to-start latencies, the sticky cache), in
 * its default units, which Temporal's published dashboards expect.
 */
export function installRuntimeLogger(logger: Logger, shutdownSignals?: NodeJS.Signals[], metricsAddress?: string): void {
  Runtime.install({
    ...(shutdownSignals ? { shutdownSignals } : {}),
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
    logger: new DefaultLogger('INFO', (entry: LogEntry) => {
      // pino serialises an Error (message, stack) only under `err`; under the SDK's `error` key
      // "Activity failed" would lose the message.
      const { error, ...meta } = (entry.meta ?? {}) as { error?: unknown; workflowId?: string };
      const caseId = meta.workflowId;
      logger[levels[entry.level]]({ ...meta, ...(caseId ? { caseId } : {}), ...(error ? { err: error } : {}) }, entry.message);
    }),
  });
}
