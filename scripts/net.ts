import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP port that was free a moment ago on 127.0.0.1, for child processes that need a port number
 * on their command line (callers that own the listener should bind to port 0 themselves).
 *
 * Linux hands out ephemeral ports at random, so a port released a moment ago can come straight back
 * from the next bind to port 0 — the Temporal dev server picks its HTTP, metrics and internal ports
 * that way and once took the very port we had chosen for its gRPC frontend ("bind: address already
 * in use"). Leaving the released port in TIME_WAIT keeps the kernel from handing it out again for
 * about a minute, while a listener that asks for it by number (Node and Go set SO_REUSEADDR) still
 * gets it; the Temporal CLI reserves its own ports the same way.
 */
export async function freePort(): Promise<number> {
  return listenBriefly(0, { reserve: true });
}

/**
 * `requested`, checked to be free, or any free port for 0. Checking first matters for child servers:
 * with the port taken, a readiness probe would happily talk to whoever holds it while our child dies.
 */
export async function pickPort(requested: number, purpose: string): Promise<number> {
  if (requested === 0) return freePort();
  try {
    return await listenBriefly(requested, { reserve: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(`port ${requested} for the ${purpose} is already in use on 127.0.0.1`);
  }
}

type Listener = ReturnType<typeof createServer>;

async function listenBriefly(port: number, how: { reserve: boolean }): Promise<number> {
  return release(await listen(port), how);
}

function listen(port: number): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Closes the listener; with `reserve`, through one connection that our side closes first (TIME_WAIT). */
async function release(server: Listener, how: { reserve: boolean }): Promise<number> {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  if (how.reserve && port > 0) await closeFromServerSide(server, port);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (port === 0) throw new Error('could not read the allocated port');
  return port;
}

async function closeFromServerSide(server: Listener, port: number): Promise<void> {
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  const client = connect(port, '127.0.0.1');
  const clientClosed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  client.on('error', () => undefined);
  client.once('end', () => client.end());
  const socket = await accepted;
  // The side that closes first holds TIME_WAIT; it must be the one bound to `port`.
  socket.end();
  await clientClosed;
}
