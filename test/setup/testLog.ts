import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createLogger } from '../../config/logger';

/**
 * Where the services under test log during a run: one file, kept after the run (and replaced by
 * the next one), so a passing `npm test` prints jest's report and nothing else while a failing one
 * still has the services' side of the story. The tests' expected refusals (a partner saying no, a
 * forged signature) log warnings that would otherwise bury the report.
 */
export const TEST_LOG_FILE = join(tmpdir(), 'after-sales-orchestrator-tests.log');

const destination = () => pino.destination({ dest: process.env.TEST_LOG_FILE ?? TEST_LOG_FILE, append: true, mkdir: true });

/** A logger of the service's own format, writing to the run's log file. */
export function testLogger(name: string, level = process.env.LOG_LEVEL ?? 'warn') {
  return createLogger({ level, name, destination: destination() });
}
