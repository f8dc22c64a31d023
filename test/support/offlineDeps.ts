import type { ApiDeps } from '../../api/app';
import { tokenSettings } from '../../api/auth/tokens';
import { describingDeps } from '../../api/describingDeps';
import { loadConfig } from '../../config/env';
import { testAuthSecret, testPayloadCodec } from './secrets';

/**
 * The API's dependencies for tests that read its route table and contract, and call the routes
 * that need no store: the describing stand-ins, with the test's token secret and payload codec.
 */
export function offlineDeps(): ApiDeps {
  return describingDeps({ auth: tokenSettings(loadConfig({}), testAuthSecret()), payloadCodec: testPayloadCodec() });
}
