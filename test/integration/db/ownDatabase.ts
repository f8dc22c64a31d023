import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { withClient } from '../../setup/testDatabase';
import { testDatabaseUrl } from './caseStoreFixtures';

/** Runs `work` on a connection of its own to `url` (by default the shared test database). */
export function onServer<T>(work: (client: Client) => Promise<T>, url = testDatabaseUrl()): Promise<T> {
  return withClient(url, work);
}

/**
 * A database of its own on the test server, for a test whose writes or migrations must not meet
 * the shared test database's: create() before, drop() after.
 */
export function ownDatabase(prefix: string) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    create: () => onServer((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)),
  };
}
