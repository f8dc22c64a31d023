import type { Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../domain';
import type { Reach, Reaches } from '../../domain/access';
import { HttpProblem } from '../problem';
import { InvalidToken, type Principal, type TokenSettings, verifyToken } from './tokens';

/**
 * Who may call a route. Every route declares one rule (in defineRoute), and a test walks the
 * router to make sure none is missing:
 * - public: anyone (probes, the contract);
 * - partner-signature: partners, authenticated by the HMAC signature of the body, not a token;
 * - token: a bearer token whose role is listed, reaching the cases its reach allows.
 */

export { caseReaders, customerOnly, customerOrStaff, staff, type Reach, type Reaches } from '../../domain/access';

export type AccessRule =
  | { kind: 'public'; why: string }
  | { kind: 'partner-signature' }
  | { kind: 'token'; reaches: Reaches };

export const publicAccess = (why: string): AccessRule => ({ kind: 'public', why });
export const partnerSignature: AccessRule = { kind: 'partner-signature' };
export const tokenAccess = (reaches: Reaches): AccessRule => ({ kind: 'token', reaches });


/** The authenticated caller of a token route, and how far this route lets their role reach. */
export interface Caller {
  principal: Principal;
  reach: Reach;
}

export function actorOf({ principal }: Caller): Actor {
  return { kind: principal.role, id: principal.sub };
}

export function describeAccess(rule: AccessRule): string {
  switch (rule.kind) {
    case 'public':
      return `Public: ${rule.why}`;
    case 'partner-signature':
      return 'Partners only, authenticated by the HMAC signature (no bearer token)';
    case 'token':
      return `Bearer token with role ${Object.entries(rule.reaches)
        .map(([role, reach]) => (reach === 'all' ? role : `${role} (${reach === 'queue' ? 'queues' : `${reach} cases`})`))
        .join(', ')}`;
  }
}

const REALM = 'Bearer realm="after-sales"';

function refuse(res: Response, kind: 'unauthorized' | 'forbidden', detail: string, error?: string): never {
  const challenge = error ? `${REALM}, error="${error}", error_description="${detail}"` : REALM;
  res.set('WWW-Authenticate', challenge);
  throw new HttpProblem(kind, detail);
}

async function authenticate(header: string | undefined, res: Response, tokens: TokenSettings): Promise<Principal> {
  if (!header) return refuse(res, 'unauthorized', 'send a bearer token in the Authorization header');
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  if (!match?.[1]) return refuse(res, 'unauthorized', 'the Authorization header is not "Bearer <token>"', 'invalid_request');
  try {
    return await verifyToken(match[1], tokens);
  } catch (err) {
    if (err instanceof InvalidToken) return refuse(res, 'unauthorized', err.message, 'invalid_token');
    throw err;
  }
}

/**
 * Whether the request is about one case (/v1/cases/:id and below): the only routes a tracking
 * link's token may call; which case it may read is then the reach check's (caseReach.ts).
 */
function onCaseRoute(req: Request): boolean {
  const pattern: unknown = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' && pattern.startsWith('/v1/cases/:id');
}

const RULE = Symbol('accessRule');
type Guard = RequestHandler & { [RULE]: AccessRule };

/**
 * The first handler of every route: refuses a missing or invalid token (401) and a role the rule
 * does not list (403) before anything is read, and leaves the caller for the handler.
 */
export function accessGuard(rule: AccessRule, tokens: TokenSettings): Guard {
  const guard: RequestHandler = async (req, res, next) => {
    if (rule.kind === 'token') {
      const principal = await authenticate(req.get('authorization'), res, tokens);
      const reach = rule.reaches[principal.role];
      if (!reach) refuse(res, 'forbidden', `role ${principal.role} may not do this`, 'insufficient_scope');
      if (principal.case !== undefined && !onCaseRoute(req)) {
        refuse(res, 'forbidden', 'a tracking link opens its own case only', 'insufficient_scope');
      }
      const caller: Caller = { principal, reach };
      res.locals.caller = caller;
    }
    next();
  };
  return Object.assign(guard, { [RULE]: rule });
}

/** The rule a mounted handler enforces, if it is a guard: how the route-walking test finds them. */
export function ruleOf(handler: unknown): AccessRule | undefined {
  return typeof handler === 'function' ? (handler as Partial<Guard>)[RULE] : undefined;
}

/** The caller a token route's guard authenticated. */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  // A handler asking for a caller on a route without a token rule is a bug, not a client error.
  if (!caller) throw new Error('callerOf() on a route whose access rule is not a token rule');
  return caller;
}
