import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config/env';
import type { ReturnPolicy } from '../config/policies/returnPolicy';

/** What the API is built from; entry points and tests own these and close them. */
export interface ApiDeps {
  config: Config;
  pool: Pool;
  temporal: Client;
  logger: Logger;
  /** The policies new cases pin; open cases keep the one they started with. */
  policies: { returns: ReturnPolicy };
  webhookSecret: string;
}
