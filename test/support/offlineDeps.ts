import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import pino from 'pino';
import type { ApiDeps } from '../../api/app';
import { tokenSettings } from '../../api/auth/tokens';
import type { SystemsOfRecord } from '../../api/systemsOfRecord';
import { loadConfig } from '../../config/env';
import { casePolicies } from '../../config/policies/profiles';
import { WebhookSecrets } from '../../config/webhookSecrets';
import { testAuthSecret, testPayloadCodec } from './secrets';

/**
 * The API's dependencies for tests that read its route table and contract only: nothing is ever
 * asked of PostgreSQL, Temporal or the systems of record, which are left empty.
 */
export function offlineDeps(): ApiDeps {
  const config = loadConfig({});
  return {
    config,
    pool: {} as Pool,
    temporal: {} as Client,
    logger: pino({ level: 'silent' }),
    systems: {} as SystemsOfRecord,
    policies: casePolicies('standard'),
    auth: tokenSettings(config, testAuthSecret()),
    webhookSecrets: new WebhookSecrets(),
    payloadCodec: testPayloadCodec(),
  };
}
