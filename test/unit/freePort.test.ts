import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { freePort } from '../../scripts/net';

/** Local ports of 127.0.0.1 sockets in TIME_WAIT (state 06 in /proc/net/tcp). */
async function portsInTimeWait(): Promise<Set<number>> {
  const table = await readFile('/proc/net/tcp', 'utf8');
  const ports = new Set<number>();
  for (const line of table.split('\n').slice(1)) {
    const [, local, , state] = line.trim().split(/\s+/);
    if (state === '06' && local?.startsWith('0100007F:')) ports.add(parseInt(local.split(':')[1]!, 16));
  }
  return ports;
}

function bind(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

// The Temporal dev server once failed CI by taking, for its HTTP API, the port we had just released for its gRPC frontend.
test('a port handed to a child process stays out of the kernel\'s ephemeral pool, yet the child can bind it', async () => {
  const port = await freePort();

  expect(await portsInTimeWait()).toContain(port);
  await expect(bind(port)).resolves.toBeUndefined();
  expect(await freePort()).not.toBe(port);
});

