import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Everything this process publishes on GET /metrics. One per process: under `npm start` the API
 * and the worker share a process and so their counters; run apart (`start:api`, `start:worker`),
 * each serves its own and Prometheus sums them. Not prom-client's global registry, so a library
 * registering there cannot change what we publish.
 */
export const registry = new Registry();

// CPU, memory, event-loop lag and garbage collection: what tells a slow dependency from a starved process.
collectDefaultMetrics({ register: registry });
