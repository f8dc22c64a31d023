import type { AddressInfo } from 'node:net';
import type express from 'express';
import { httpUrl } from './listeningUrl';

/** In-flight requests get this long to finish on shutdown; then their connections are cut. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface RunningServer {
  url: string;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** Serves `app` on host and port (0: any free port) until close(). */
export function listen(app: express.Express, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => {
      if (err) return reject(err);
      const bound = (server.address() as AddressInfo).port;
      const close = () =>
        new Promise<void>((done, fail) => {
          const force = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
          server.close((closeErr) => {
            clearTimeout(force);
            return closeErr ? fail(closeErr) : done();
          });
          // Keep-alive connections with no request in flight would otherwise hold close() open.
          server.closeIdleConnections();
        });
      resolve({ url: httpUrl(host, bound), close });
    });
  });
}
