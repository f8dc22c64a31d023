import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadConfig } from '../../config/env';
import { temporalConnectionOptions } from '../../config/temporalConnection';
import { runMain } from '../load/runMain';
import { parseRolloutArgs } from './args';
import { formatDeployment, formatOpen } from './report';
import { RolloutError, WorkerDeployment } from './workerDeployment';

/**
 * `npm run rollout -- <command>`: moves new cases from one build of the workers to the next and
 * back (docs/versioning.md, deploy/README.md). Reaches Temporal as the service does
 * (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and the TLS settings; unset, the local dev server).
 */

async function main(): Promise<number> {
  const args = parseRolloutArgs(process.argv.slice(2));
  const config = loadConfig();
  const name = args.deployment ?? config.WORKER_DEPLOYMENT_NAME;
  if (!name) throw new ConfigError(['WORKER_DEPLOYMENT_NAME: required (or --deployment): the worker deployment to roll out']);
  const address = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`;
  const connection = await Connection.connect(await temporalConnectionOptions({ ...config, TEMPORAL_ADDRESS: address }));
  try {
    const deployment = new WorkerDeployment(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }), name);
    const say = (line: string) => process.stdout.write(`${line}\n`);
    say(`worker deployment ${name}, namespace ${config.TEMPORAL_NAMESPACE} at ${address}`);
    const { command } = args;
    switch (command.command) {
      case 'status':
        break;
      case 'ramp':
        await deployment.ramp(command.buildId, command.percent);
        say(`ramped: ${command.percent} % of new cases start on ${command.buildId}`);
        break;
      case 'promote':
        await deployment.promote(command.buildId);
        say(`promoted: every new case starts on ${command.buildId}`);
        break;
      case 'rollback':
        await deployment.rollback(command.buildId);
        say(`rolled back: every new case starts on ${command.buildId} again`);
        break;
      case 'drain': {
        const tookMs = await deployment.waitDrained(command.buildId, {
          timeoutMs: args.timeoutMs,
          all: args.all,
          onProgress: (open) => say(`  ${command.buildId}: ${formatOpen(open)}`),
        });
        say(`drained in ${Math.round(tookMs / 1000)} s: ${args.all ? 'nothing is open on' : 'nothing pinned to'} ${command.buildId} is open; its workers can stop`);
        break;
      }
    }
    const state = await deployment.describe();
    const open = await Promise.all(state.versions.map(async (v) => [v.buildId, await deployment.openOn(v.buildId)] as const));
    say(formatDeployment(state, new Map(open)));
    return 0;
  } catch (error) {
    if (!(error instanceof RolloutError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await connection.close();
  }
}

runMain(main);
