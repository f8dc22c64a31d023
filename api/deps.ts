import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config/env';
import type { CasePolicies } from '../config/policies/profiles';
import type { WebhookSecrets } from '../config/webhookSecrets';
import type { CustomerKeyRing } from '../db/customerKeyRing';
import type { TokenSettings } from './auth/tokens';
import type { SystemsOfRecord } from './systemsOfRecord';

/** What the API is built from; entry points and tests own these and close them. */
export interface ApiDeps {
  config: Config;
  pool: Pool;
  temporal: Client;
  logger: Logger;
  /** The order and customer systems intake checks a request against. */
  systems: SystemsOfRecord;
  /** The policies new cases pin; open cases keep the one they started with. */
  policies: CasePolicies;
  /** How bearer tokens are verified. */
  auth: TokenSettings;
  webhookSecrets: WebhookSecrets;
  /** The codec every Temporal client and worker uses; the codec endpoint serves it to the Temporal UI. */
  payloadCodec: PayloadCodec;
  /** Customers' data keys, which the codec encrypts their payloads with and an erasure destroys. */
  customerKeys: CustomerKeyRing;
  /** A local stack with made-up secrets (scripts/localSecrets.ts): the web app's sign-in page may mint tokens. */
  localSignIn?: boolean;
}
