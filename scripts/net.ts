import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago on 127.0.0.1. Another process can still take it before the
 * caller binds, so callers that own the listener should prefer binding to port 0 themselves; this is
 * for child processes that need a port number on their command line.
 */
export async function freePort(): Promise<number> {
  return listenBriefly(0);
}

/**
 * `requested`, checked to be free, or any free port for 0. Checking first matters for child servers:
 * with the port taken, a readiness probe would happily talk to whoever holds it while our child dies.
 */
export async function pickPort(requested: number, purpose: string): Promise<number> {
  if (requested === 0) return freePort();
  try {
    return await listenBriefly(requested);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(`port ${requested} for the ${purpose} is already in use on 127.0.0.1`);
  }
}

function listenBriefly(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (bound > 0 ? resolve(bound) : reject(new Error('could not read the allocated port'))));
    });
  });
}
