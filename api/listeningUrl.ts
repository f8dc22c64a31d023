import type { Request } from 'express';

/** The http URL of a host and port, an IPv6 address in brackets. */
export function httpUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * The address and port the request came in on: where this API listens, as reached. Read from the
 * socket, not the Host header, so a caller cannot make the contract name another server.
 */
export function listeningUrl(req: Request): string {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return httpUrl(address, req.socket.localPort ?? 80);
}
