import { z } from 'zod';
import { PayloadJson, payloadFromJson, payloadToJson } from '../../config/payloadJson';
import { callerOf, tokenAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { jsonResponse } from '../openapi';
import { operationIdFor } from '../operationId';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';

/**
 * Temporal's remote codec protocol, for the Temporal UI and CLI: history payloads are encrypted,
 * and these endpoints let authorised staff see them in clear (the UI forwards the user's token
 * when configured with TEMPORAL_CODEC_PASS_ACCESS_TOKEN). Every decode is logged with who asked.
 */

const CodecPayloads = z.object({ payloads: z.array(PayloadJson).max(1_000) }).meta({ id: 'CodecPayloads' });
const CodecHeaders = z.object({
  'X-Namespace': z.string().max(256).optional().meta({ description: 'The namespace the payloads come from (one key ring serves all)' }),
});

function codecRoute(deps: ApiDeps, direction: 'encode' | 'decode'): Route {
  return defineRoute({
    method: 'post',
    path: `/codec/${direction}`,
    operationId: operationIdFor('codec', direction),
    summary: `Remote codec for the Temporal UI and CLI: ${direction === 'decode' ? 'decrypts' : 'encrypts'} payloads`,
    tags: ['operations'],
    access: tokenAccess({ supervisor: 'all', admin: 'all' }),
    headers: CodecHeaders,
    body: CodecPayloads,
    before: jsonBody(),
    responses: { 200: jsonResponse(`The payloads, ${direction}d`, CodecPayloads) },
    problems: ['undecodable-payload'],
    async handle({ headers, body }, req, res) {
      const payloads = body.payloads.map(payloadFromJson);
      let result;
      try {
        result = await deps.payloadCodec[direction](payloads);
      } catch (err) {
        throw new HttpProblem('undecodable-payload', err instanceof Error ? err.message : String(err));
      }
      const { principal } = callerOf(res);
      req.log.info({ direction, count: payloads.length, namespace: headers['X-Namespace'], by: principal.sub }, 'codec used');
      res.json({ payloads: result.map(payloadToJson) });
    },
  });
}

export function codecRoutes(deps: ApiDeps): Route[] {
  return [codecRoute(deps, 'encode'), codecRoute(deps, 'decode')];
}
