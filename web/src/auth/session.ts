/**
 * Who is signed in: the bearer token and what it says (subject, role, expiry), kept in
 * sessionStorage so it ends with the tab and never travels in a URL. The API checks the token;
 * this only reads it to know whom to show what.
 */

export const roles = ['customer', 'agent', 'supervisor', 'supplier', 'admin'] as const;
export type Role = (typeof roles)[number];
export const staffRoles: readonly Role[] = ['agent', 'supervisor', 'admin'];

export interface Session {
  token: string;
  sub: string;
  role: Role;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** A tracking link's session: the one case its token opens (docs/web.md#tracking-links). */
  case?: string;
}

const STORAGE_KEY = 'aso.session';

function base64UrlJson(part: string): unknown {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The session a token stands for, or null when it is no JWT with a subject, a role and an expiry. */
export function sessionOf(token: string): Session | null {
  const payload = token.trim().split('.')[1];
  if (!payload) return null;
  try {
    const claims = base64UrlJson(payload) as { sub?: unknown; role?: unknown; exp?: unknown; case?: unknown };
    const role = roles.find((r) => r === claims.role);
    if (typeof claims.sub !== 'string' || !role || typeof claims.exp !== 'number') return null;
    const session: Session = { token: token.trim(), sub: claims.sub, role, expiresAt: claims.exp * 1000 };
    return typeof claims.case === 'string' ? { ...session, case: claims.case } : session;
  } catch {
    return null;
  }
}

export function readSession(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  const session = token ? sessionOf(token) : null;
  return session && session.expiresAt > Date.now() ? session : null;
}

export function storeSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, session.token);
}

export function forgetSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** Where someone lands after signing in: staff at the console, customers at their cases. */
export function homeOf(role: Role): string {
  return staffRoles.includes(role) ? '/console' : '/track';
}
