/**
 * Policies shared by every process: durations, activity timeouts and retries, the SLA targets,
 * and the profiles new cases pin. Each process's own policy lives in its folder
 * (workflows/<process>/policy.ts) and is listed through workflows/registry.ts.
 */
export * from './duration';
export * from './activityOptions';
export * from './slaPolicy';
export * from './segmentPolicy';
export * from './profiles';
