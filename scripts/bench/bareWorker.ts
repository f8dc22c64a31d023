import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';

export interface BareTemporal {
  /** A plain client of its own: the baseline pays for no converter, interceptor or pool of ours. */
  client: Client;
  taskQueue: string;
  stop(): Promise<void>;
}

/** The baseline's worker: the bench workflows and a no-op activity on a queue of their own, SDK defaults throughout. */
export async function startBareTemporal(address: string, namespace: string, taskQueue: string): Promise<BareTemporal> {
  const nativeConnection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace,
    taskQueue,
    workflowsPath: require.resolve('./workflows'),
    activities: { noop: async () => undefined },
  });
  const running = worker.run();
  const connection = await Connection.connect({ address });
  return {
    client: new Client({ connection, namespace }),
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await Promise.all([connection.close(), nativeConnection.close()]);
    },
  };
}
