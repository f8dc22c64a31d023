import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { Role } from '../../domain/access';
import { CaseId } from '../schemas/caseId';

/**
 * Bearer tokens: HS256 JWTs with the caller's subject id, one role and, for agents, the queues
 * they work. The same module mints them (npm run token, tests, the demo) so the format has one
 * definition. A token with a `case` claim is a tracking link's (docs/security.md): it opens that
 * one case and nothing else.
 */

export { Role };

export const Principal = z.object({
  sub: z.string().min(1).max(128),
  role: Role,
  queues: z.array(z.string().min(1).max(64)).max(100).optional(),
  case: CaseId.optional(),
});
export type Principal = z.infer<typeof Principal>;

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
}

const ALGORITHM = 'HS256';

/** Why a token was refused; the text goes to the caller (RFC 6750 error_description). */
export class InvalidToken extends Error {
  override name = 'InvalidToken';
}

const key = (secret: string) => new TextEncoder().encode(secret);

export async function verifyToken(token: string, settings: TokenSettings): Promise<Principal> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key(settings.secret), {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      // A token that never expires cannot be withdrawn; refuse it.
      requiredClaims: ['exp'],
    }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new InvalidToken('the token has expired');
    if (err instanceof errors.JOSEError) throw new InvalidToken('the token is malformed, wrongly signed or not for this API');
    throw err;
  }
  const claims = Principal.safeParse(payload);
  if (!claims.success) throw new InvalidToken('the token lacks a valid sub or role claim');
  return claims.data;
}

/** `ttl` as jose reads it: '1h', '8 hours', '30m'. */
export function mintToken(principal: Principal, settings: TokenSettings, ttl = '1h'): Promise<string> {
  const { sub, ...claims } = Principal.parse(principal);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key(settings.secret));
}

/** The settings for a secret, with issuer and audience from the configuration. */
export function tokenSettings(config: { AUTH_JWT_ISSUER: string; AUTH_JWT_AUDIENCE: string }, secret: string): TokenSettings {
  return { secret, issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE };
}
