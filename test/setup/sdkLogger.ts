import { installRuntimeLogger } from '../../worker/runtimeLogger';
import { testLogger } from './testLog';

/**
 * Jest setupFiles module: routes the Temporal SDK's logs (worker state changes, webpack summaries,
 * "No Nexus services registered", activities failing as the tests intend) through the project's
 * logger at warn into the run's log file (test/setup/testLog.ts). It runs before each test file,
 * in that file's own module registry, where the SDK's Runtime is not yet installed, so before any
 * worker or connection the file creates. `LOG_LEVEL=info npx jest …` logs the SDK's info lines too.
 */
installRuntimeLogger(testLogger('temporal-sdk'));
