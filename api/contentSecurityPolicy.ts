/**
 * The Content-Security-Policy of every answer, the web app's pages included (docs/security.md#hardening).
 * The built app (web/, docs/web.md) is scripts and a stylesheet from our own origin and calls
 * only our API, so nothing else is allowed: no inline script or style, no eval, no plugin, no
 * other origin, no framing. A page that is tricked into carrying markup cannot run it, load from
 * elsewhere or send what it reads anywhere but back to us.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // on…= handlers in markup: the app sets none; React attaches its own listeners.
  'script-src-attr': ["'none'"],
  // The stylesheet only. React writes style props through the CSSOM, which this does not govern.
  'style-src': ["'self'"],
  // data: for the blank favicon of index.html, which keeps browsers from asking for /favicon.ico.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  // No <base> may move where the page's relative URLs point.
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'upgrade-insecure-requests': [],
} as const satisfies Record<string, readonly string[]>;
