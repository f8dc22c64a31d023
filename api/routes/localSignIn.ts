import { publicAccess } from '../auth/access';
import { mintToken } from '../auth/tokens';
import type { ApiDeps } from '../deps';
import { isLocalIdentity, localIdentities } from '../localIdentities';
import { jsonBody } from '../middleware/jsonBody';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { LocalIdentityList, LocalSignInRequest, LocalSignInToken } from '../schemas/localSignIn';

/**
 * Signing in on a local stack, for the web app's sign-in page: only mounted when the stack made up
 * its own token secret (scripts/localSecrets.ts), where `npm run token` could mint the same tokens.
 * A configured secret means real users and their identity provider: then these routes do not exist.
 */

/** A working day: a sandbox session should not expire mid-demo. */
const LOCAL_TOKEN_TTL_SECONDS = 8 * 60 * 60;
const access = publicAccess('local sign-in, only on a stack with made-up local secrets');

function identitiesRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/local/identities',
    operationId: 'listLocalIdentities',
    summary: 'Who one may sign in as on a local stack: its agents and supervisors, and customers of its catalogue and newest cases',
    tags: ['local sign-in'],
    access,
    responses: { 200: jsonResponse('The identities, agents first, then supervisors, then customers', LocalIdentityList) },
    problems: ['unavailable'],
    async handle(_input, _req, res) {
      res.json({ identities: await localIdentities(deps) });
    },
  });
}

function signInRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'post',
    path: '/v1/local/sign-in',
    operationId: 'localSignIn',
    summary: 'A bearer token for one of the local identities, valid for 8 hours',
    tags: ['local sign-in'],
    access,
    before: jsonBody(),
    body: LocalSignInRequest,
    responses: { 200: jsonResponse('The token', LocalSignInToken) },
    problems: ['unknown-identity', 'unavailable'],
    async handle({ body }, req, res) {
      if (!(await isLocalIdentity(deps, body.role, body.sub))) {
        throw new HttpProblem('unknown-identity', `this stack has no ${body.role} ${body.sub}`, { role: body.role, sub: body.sub });
      }
      const token = await mintToken(body, deps.auth, `${LOCAL_TOKEN_TTL_SECONDS}s`);
      req.log.info({ role: body.role, sub: body.sub }, 'local sign-in');
      res.json({ token, ...body, expiresAt: new Date(Date.now() + LOCAL_TOKEN_TTL_SECONDS * 1000).toISOString() });
    },
  });
}

export function localSignInRoutes(deps: ApiDeps): Route[] {
  return deps.localSignIn ? [identitiesRoute(deps), signInRoute(deps)] : [];
}
