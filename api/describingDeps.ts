import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { Pool } from 'pg';
import pino from 'pino';
import { loadConfig } from '../config/env';
import { casePolicies } from '../config/policies/profiles';
import { WebhookSecrets } from '../config/webhookSecrets';
import type { CustomerKeyRing } from '../db/customerKeyRing';
import { tokenSettings } from './auth/tokens';
import type { ApiDeps } from './deps';
import type { SystemsOfRecord } from './systemsOfRecord';

/**
 * Dependencies for reading the API's routes and contract without running it: routes describe
 * themselves without their dependencies (only handlers use those), so PostgreSQL, Temporal and the
 * systems of record are empty stand-ins. `overrides` gives a caller what its handlers do need.
 */
export function describingDeps(overrides: Partial<ApiDeps> = {}): ApiDeps {
  const config = loadConfig({});
  return {
    config,
    pool: {} as Pool,
    temporal: {} as Client,
    logger: pino({ level: 'silent' }),
    systems: {} as SystemsOfRecord,
    policies: casePolicies(config.POLICY_PROFILE),
    auth: tokenSettings(config, 'describing-only-'.repeat(2)),
    webhookSecrets: new WebhookSecrets(),
    payloadCodec: {} as PayloadCodec,
    customerKeys: {} as CustomerKeyRing,
    ...overrides,
  };
}
