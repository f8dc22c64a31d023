import { createLogger } from '../../config/logger';
import { installRuntimeLogger } from '../../worker/runtimeLogger';

/**
 * Jest setupFiles module: routes the Temporal SDK's logs (worker state changes, webpack summaries,
 * "No Nexus services registered") through the project's logger at warn, so a passing run prints
 * only jest's report. It runs before each test file, in that file's own module registry, where the
 * SDK's Runtime is not yet installed, so before any worker or connection the file creates.
 * `LOG_LEVEL=info npx jest …` shows the SDK's info lines again.
 */
installRuntimeLogger(createLogger({ level: process.env.LOG_LEVEL ?? 'warn', name: 'temporal-sdk' }));
